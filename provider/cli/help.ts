/**
 * Help texts. The flag lists are generated from `flags.ts`, so every flag is documented; the exit codes
 * and environment variables are printed in full on every help page, because a CI author reading
 * `fgs-execution wait --help` should not need a second page to know what exit 4 means.
 */
import { CREDENTIAL_ENV_SOURCES, type CredentialSource } from "../config/credentialNames";
import { EXIT_CODE_HELP } from "./exitCodes";
import { appliesTo, COMMANDS, type CommandName, FLAGS, type FlagSpec, flagsOf, groupMembers, type Selection, selectionsOf } from "./flags";

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
  if (f.only === "latest") return "(latest and wait --latest only)";
  if (f.only === "execution") return `(${f.commands.join(" and ")} only; not with --latest)`;
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

const LATEST_LOOKUP = `The latest run is the one that began last in the time window: --since (default: 3 days before
--until) to --until (default: now plus 15 minutes, a margin for clock skew), only counting runs with
--status when given. Every page of the list is read (the API promises no order). The workflow is given
by --workflow-id or by --workflow-name, which must match exactly one workflow (exact, case-sensitive):
no match or several is exit 2.`;

const COMMAND_HELP: Record<CommandName, string> = {
  get: `Usage: fgs-execution get --workflow-id ID --execution-id ID [flags]

Reads a FunctionGraph workflow execution once and prints it. get only reads: it exits 0 whatever the
run's status (use wait to gate on it).`,
  latest: `Usage: fgs-execution latest (--workflow-id ID | --workflow-name NAME) [--status STATUS]
                            [--since TIME] [--until TIME] [flags]

Finds the latest run of a FunctionGraph workflow, reads it in full and prints it, like get. latest only
reads: it exits 0 whatever the run's status (use wait --latest to gate on it).

${LATEST_LOOKUP} No run in the window is exit 5.`,
  wait: `Usage: fgs-execution wait --workflow-id ID --execution-id ID [--require success] [flags]
       fgs-execution wait --latest (--workflow-id ID | --workflow-name NAME) [--status STATUS]
                          [--since TIME] [--until TIME] [--require success] [flags]

Polls the execution until its status is final (success, fail, timeout, cancel), then applies the gate:
the final status must be one of --require (default: success), and with --not-before / --max-age the
run must be recent enough (a run that is too old fails at once, without waiting). Prints the execution
either way. While waiting, a live status line (elapsed time, status, nodes finished of total) is shown
on stderr when it is a terminal, otherwise one line per status change.

With --latest, the run is not named but found, as by the latest command (--execution-id is then
refused). ${LATEST_LOOKUP}
When the window holds no run yet, the list is read again until one appears (a pipeline that has just
started the workflow), within the same --timeout; if none appears, exit 5. The run is chosen once and
then waited for: a newer run that starts during the wait is not switched to. --since hides older runs
(none left: exit 5), while --not-before and --max-age fail an older latest run (exit 1).`,
};

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
  fgs-execution <command> --help                                     Help of one command.
  fgs-execution -v, --version                                        Print the version.
  fgs-execution -h, --help                                           This help.

Example (GitHub Actions, gate a deploy on a successful run):
  ${FIRST.accessKey}=... ${FIRST.secretKey}=... HW_REGION_NAME=cn-north-4 \\
    npx fgs-execution wait --workflow-id "$WF" --execution-id "$EXEC" --timeout 900 --output github

Example (gate on the latest run of a workflow by name, begun after the build started):
  npx fgs-execution wait --latest --workflow-name release-checks --since "$BUILD_STARTED" --timeout 900`,
    flagSection(FLAGS, undefined),
    OUTPUT_HELP,
    EXIT_CODE_HELP,
    ENVIRONMENT_HELP,
  ].join("\n\n") + "\n";
}
