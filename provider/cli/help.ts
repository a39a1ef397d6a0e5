/**
 * Help texts. The flag lists are generated from `flags.ts`, so every flag is documented; the exit codes
 * and environment variables are printed in full on every help page, because a CI author reading
 * `fgs-execution wait --help` should not need a second page to know what exit 4 means.
 */
import { EXIT_CODE_HELP } from "./exitCodes";
import { type CommandName, FLAGS, type FlagSpec, flagsOf } from "./flags";

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

function flagSection(flags: readonly FlagSpec[], markCommands: boolean): string {
  const out = ["Flags:"];
  for (const f of flags) {
    const only = markCommands && f.commands.length === 1 ? `  (${f.commands[0]} only)` : "";
    const head = `  --${f.name}${f.value ? ` ${f.value}` : ""}${f.required ? "  (required)" : ""}${only}`;
    out.push(head, ...wrap(f.description, 6));
  }
  return out.join("\n");
}

/** Every environment variable the command reads. */
export const ENVIRONMENT_HELP = `Environment (credentials are read only from here, never from flags):
  HW_ACCESS_KEY, HW_SECRET_KEY        Access key / secret key (first choice).
  HW_SECURITY_TOKEN                   Security token of temporary credentials (with HW_* keys).
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN
                                      Second choice, used when no HW_* keys are set.
  CLOUD_SDK_AK, CLOUD_SDK_SK          Third choice.
  HW_REGION_NAME                      Region, when --region is not given.
  HW_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID
                                      Project ID, when --project-id is not given.
  HW_FUNCTIONGRAPH_ENDPOINT           Endpoint override, when --endpoint is not given.
  HUAWEICLOUD_SDK_IAM_ENDPOINT        IAM endpoint used to discover the project ID from the region.
  GITHUB_STEP_SUMMARY                 With --output github: file the Markdown summary is appended to.
  NO_COLOR                            When set (non-empty), the table is never colored.
  A key pair is always taken from one source; setting only half of a pair is an error (exit 2).
  Stack config (PULUMI_CONFIG) is ignored: the command behaves the same inside and outside Pulumi.`;

const OUTPUT_HELP = `Output:
  Results go to stdout; progress, warnings and errors go to stderr. With --output json, stdout holds
  only the execution as JSON (the WorkflowExecution the library returns), also when the gate fails,
  so it can be piped to jq. An error prints one line on stderr:
    fgs-execution: <CODE>: <message, with the request ID when the service sent one>
  and no stack trace unless --debug. No credential is ever printed.`;

const COMMAND_HELP: Record<CommandName, string> = {
  get: `Usage: fgs-execution get --workflow-id ID --execution-id ID [flags]

Reads a FunctionGraph workflow execution once and prints it. get only reads: it exits 0 whatever the
run's status (use wait to gate on it).`,
  wait: `Usage: fgs-execution wait --workflow-id ID --execution-id ID [--require success] [flags]

Polls the execution until its status is final (success, fail, timeout, cancel), then applies the gate:
the final status must be one of --require (default: success), and with --not-before / --max-age the
run must be recent enough (a run that is too old fails at once, without waiting). Prints the execution
either way. While waiting, a live status line (elapsed time, status, nodes finished of total) is shown
on stderr when it is a terminal, otherwise one line per status change.`,
};

/** The help page of one command. */
export function commandHelp(command: CommandName): string {
  return [COMMAND_HELP[command], flagSection(flagsOf(command), false), OUTPUT_HELP, EXIT_CODE_HELP, ENVIRONMENT_HELP].join("\n\n") + "\n";
}

/** The top-level help page: both commands, and every flag (wait-only ones marked). */
export function topHelp(): string {
  return [
    `fgs-execution: read a Huawei Cloud FunctionGraph workflow execution, or gate a CI pipeline on it.

Usage:
  fgs-execution get  --workflow-id ID --execution-id ID [flags]   Read once and print.
  fgs-execution wait --workflow-id ID --execution-id ID [flags]   Wait until final, then gate.
  fgs-execution <command> --help                                  Help of one command.
  fgs-execution --version                                         Print the version.

Example (GitHub Actions, gate a deploy on a successful run):
  HW_ACCESS_KEY=... HW_SECRET_KEY=... HW_REGION_NAME=cn-north-4 \\
    npx fgs-execution wait --workflow-id "$WF" --execution-id "$EXEC" --timeout 900 --output github`,
    flagSection(FLAGS, true),
    OUTPUT_HELP,
    EXIT_CODE_HELP,
    ENVIRONMENT_HELP,
  ].join("\n\n") + "\n";
}
