/**
 * Help texts. The flag lists are generated from `flags.ts`, so every flag is documented; the exit codes
 * and environment variables are printed in full on every help page, because a CI author reading
 * `fgs-execution wait --help` should not need a second page to know what exit 4 means.
 */
import { CREDENTIAL_ENV_SOURCES, type CredentialSource } from "../config/credentialNames";
import { EXIT_CODE_HELP } from "./exitCodes";
import { COMMAND_HELP } from "./commandHelp";
import { COMMANDS, type CommandName, type Selection, selectionsOf } from "./commands";
import { appliesTo, FLAGS, type FlagSpec, flagsOf, groupMembers } from "./flags";

const WIDTH = 100;

/** Wraps `text` to `WIDTH` columns, every line indented by `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => " ".repeat(indent) + l);
}

/**
 * Whether `f` must be given to `command` under `selection`: undefined when it does not apply, "" when
 * optional, "required", or `this or --other` for a `oneOf` group with other members.
 */
function requirement(f: FlagSpec, command: CommandName, selection: Selection): string | undefined {
  if (!appliesTo(f, selection)) return undefined;
  if (f.required) return "required";
  if (f.oneOf === undefined) return "";
  const others = groupMembers(f.oneOf, command, selection).filter((m) => m !== f);
  return others.length === 0 ? "required" : `this or ${others.map((m) => `--${m.name}`).join(" or ")}`;
}

/** `required` as is; a group's `this or --x` as a requirement. */
function phrase(r: string): string {
  return r.startsWith("this or") ? `required: ${r}` : r;
}

/**
 * The note after a flag in the help of `command`, from the same data the parser checks: `(required)`,
 * and for `wait`, whose run is given by --execution-id or found with --latest, how that changes things.
 */
function requirementNote(f: FlagSpec, command: CommandName): string {
  const [first, second] = selectionsOf(command);
  const a = requirement(f, command, first as Selection);
  const b = second === undefined ? a : requirement(f, command, second);
  if (a === b) return a ? `(${phrase(a)})` : "";
  // Only wait has two selections: `a` is without --latest, `b` with it.
  if (a === undefined) return b ? `(with --latest only; ${b.startsWith("this or") ? `${b} is required` : b})` : "(with --latest only)";
  if (b === undefined) return a ? `(${a} unless --latest)` : "(not with --latest)";
  return `(${a || "optional"}; with --latest: ${b || "optional"})`;
}

/** Which commands (and selections) take `f`, for the top-level help that lists every flag. */
function commandNote(f: FlagSpec): string {
  if (f.only?.includes("start")) return "(latest, wait --latest and run only)";
  if (f.only?.includes("latest")) return "(latest and wait --latest only)";
  if (f.only?.includes("execution")) return `(${f.commands.join(" and ")} only; not with --latest)`;
  return f.commands.length < COMMANDS.length ? `(${f.commands.join(" and ")} only)` : "";
}

function flagSection(flags: readonly FlagSpec[], command: CommandName | undefined): string {
  const out = ["Flags:"];
  for (const f of flags) {
    const note = command === undefined ? commandNote(f) : requirementNote(f, command);
    const head = `  --${f.name}${f.value ? ` ${f.value}` : ""}${note ? `  ${note}` : ""}`;
    out.push(head, ...wrap(f.description, 6));
  }
  return out.join("\n");
}

/** The first credential source, which the examples use. */
const FIRST = CREDENTIAL_ENV_SOURCES[0] as CredentialSource;

/** `  NAME   text`, the text in a column; names too long for it get a line of their own. */
function envRow(names: string, text: string): string {
  const column = 38;
  return names.length + 2 < column - 1 ? `  ${names.padEnd(column - 2)}${text}` : `  ${names}\n${" ".repeat(column)}${text}`;
}

/** The credential variables, one row per source in the order tried, from the resolver's own list. */
function credentialRows(): string[] {
  return CREDENTIAL_ENV_SOURCES.map((s, i) => {
    const names = [s.accessKey, s.secretKey, ...(s.securityToken ? [s.securityToken] : [])].join(", ");
    const what = s.securityToken ? "Key pair and token" : "Key pair";
    return envRow(names, i === 0 ? `${what} of temporary credentials (first choice).` : `${what}, when no earlier pair is set.`);
  });
}

/** Every environment variable the command reads. */
export const ENVIRONMENT_HELP = [
  "Environment (credentials are read only from here, never from flags):",
  ...credentialRows(),
  envRow("HW_REGION_NAME", "Region, when --region is not given."),
  envRow("HW_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID", "Project ID, when --project-id is not given."),
  envRow("HW_FUNCTIONGRAPH_ENDPOINT", "Endpoint override, when --endpoint is not given."),
  envRow("HUAWEICLOUD_SDK_IAM_ENDPOINT", "IAM endpoint used to discover the project ID from the region."),
  envRow("GITHUB_STEP_SUMMARY", "With --output github: file the Markdown summary is appended to."),
  envRow("NO_COLOR", "When set (non-empty), the table is never colored."),
  "  A key pair is always taken from one source; setting only half of a pair is an error (exit 2).",
  "  Stack config (PULUMI_CONFIG) is ignored: the command behaves the same inside and outside Pulumi.",
].join("\n");

const OUTPUT_HELP = `Output:
  Results go to stdout; progress, warnings and errors go to stderr. With --output json, stdout holds
  only the execution as JSON (the WorkflowExecution the library returns), also when the gate fails,
  so it can be piped to jq; when no run was found (exit 5) or on any other error, stdout is empty.
  An error prints one line on stderr:
    fgs-execution: <CODE>: <message, with the request ID when the service sent one>
  and no stack trace unless --debug. No credential is ever printed.`;

/** The help page of one command. */
export function commandHelp(command: CommandName): string {
  return [COMMAND_HELP[command], flagSection(flagsOf(command), command), OUTPUT_HELP, EXIT_CODE_HELP, ENVIRONMENT_HELP].join("\n\n") + "\n";
}

/** The top-level help page: every command, and every flag (marked with the commands that take it). */
export function topHelp(): string {
  return [
    `fgs-execution: read a Huawei Cloud FunctionGraph workflow execution, or gate a CI pipeline on it.

Usage:
  fgs-execution get    --workflow-id ID --execution-id ID [flags]    Read one run and print it.
  fgs-execution latest (--workflow-id ID | --workflow-name NAME) [flags]
                                                                     Find the latest run, print it.
  fgs-execution wait   --workflow-id ID --execution-id ID [flags]    Wait until final, then gate.
  fgs-execution wait   --latest (--workflow-id ID | --workflow-name NAME) [flags]
                                                                     Find the latest run, wait, gate.
  fgs-execution run    (--workflow-id ID | --workflow-name NAME) --input JSON|@FILE [flags]
                                                                     Start a run, wait, gate.
  fgs-execution emulator [--port N] [--scenario FILE]                Start the local emulator.
  fgs-execution <command> --help                                     Help of one command.
  fgs-execution -v, --version                                        Print the version.
  fgs-execution -h, --help                                           This help.

Example (GitHub Actions, gate a deploy on a successful run):
  ${FIRST.accessKey}=... ${FIRST.secretKey}=... HW_REGION_NAME=cn-north-4 \\
    npx fgs-execution wait --workflow-id "$WF" --execution-id "$EXEC" --timeout 900 --output github

Example (gate on the latest run of a workflow by name, begun after the build started):
  npx fgs-execution wait --latest --workflow-name release-checks --since "$BUILD_STARTED" --timeout 900

Example (start the checks, gate on their outcome and on what they report):
  npx fgs-execution run --workflow-name release-checks --input @checks-input.json --timeout 900 \\
    --require-node integration-tests --condition 'output:/result == "passed"'`,
    flagSection(FLAGS, undefined),
    OUTPUT_HELP,
    EXIT_CODE_HELP,
    ENVIRONMENT_HELP,
  ].join("\n\n") + "\n";
}
