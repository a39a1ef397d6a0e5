/**
 * Error reporting: one line on stderr, `fgs-execution: <CODE>: <message>`, with a hint that translates
 * the library's setting names into this command's flags and variables. Stack traces only with --debug.
 * The library's messages are already free of credentials; as a second line of defence everything this
 * file writes is scrubbed of the credential values present in the environment, then passed through
 * `safeText`, since messages quote what the service sent.
 */
import { CREDENTIAL_ENV_SOURCES, pairText } from "../config/credentialNames";
import { NO_CREDENTIALS_SETTING } from "../config/credentials";
import { type EnvScrubber, makeEnvScrubber } from "./envScrubber";
import type { CliIo } from "./io";
import { safeText } from "./render/safeText";


const MAX_LINE = 4000;

/** The credential variables as the CLI names them: `HW_ACCESS_KEY/HW_SECRET_KEY, or ...`. */
const CREDENTIAL_VARIABLES_TEXT = CREDENTIAL_ENV_SOURCES.map(pairText).join(", or ");

/**
 * The CLI's own message for a library message that names places the CLI never reads (the `credentials`
 * argument, stack config): the command reads the environment only.
 */
const CLI_MESSAGES: Record<string, string> = {
  [NO_CREDENTIALS_SETTING]: `No Huawei Cloud credentials found in the environment: set ${CREDENTIAL_VARIABLES_TEXT} (never flags; see --help)`,
};

/** Library setting names (ConfigurationError.setting) → where a CLI user gives that setting. */
const SETTING_HINTS: Record<string, string> = {
  workflowId: "--workflow-id",
  workflowName: "--workflow-name",
  executionId: "--execution-id",
  status: "--status",
  since: "--since",
  until: "--until",
  region: "--region or HW_REGION_NAME",
  projectId: "--project-id or HW_PROJECT_ID",
  endpoint: "--endpoint or HW_FUNCTIONGRAPH_ENDPOINT",
  iamEndpoint: "HUAWEICLOUD_SDK_IAM_ENDPOINT",
  requireStatus: "--require",
  notBefore: "--not-before",
  maxAgeSeconds: "--max-age",
  "waitForCompletion.timeoutSeconds": "--timeout",
  "waitForCompletion.minIntervalSeconds": "--interval",
  "waitForCompletion.maxIntervalSeconds": "--max-interval",
  requestTimeoutSeconds: "--request-timeout",
  deadlineSeconds: "--deadline",
  maxRetries: "--max-retries",
  requireNodes: "--require-node",
  input: "--input",
  headers: "--headers",
};

/** Error codes (without a setting) → the flags that change the outcome. */
const CODE_HINTS: Record<string, string> = {
  FGS_NO_EXECUTION: "--since, --until, --status",
};

function field(e: unknown, key: string): unknown {
  return typeof e === "object" && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

/** The hint after a message: where the CLI user fixes the setting, or which flags change the outcome. */
function hintOf(code: string, setting: unknown): string | undefined {
  if (typeof setting !== "string") return CODE_HINTS[code];
  // `conditions[2].path`: the list is --conditions-file's conditions, then those of --condition.
  if (/^conditions(\[|$)/.test(setting)) return "--conditions-file items first, then each --condition";
  if (/^requireNodes(\W|$)/.test(setting)) return SETTING_HINTS.requireNodes;
  // Settings named after an environment variable (HW_SECURITY_TOKEN) need no hint: the message names them.
  return Object.prototype.hasOwnProperty.call(SETTING_HINTS, setting) ? SETTING_HINTS[setting] : undefined;
}

/** An error as reported: its code (`FGS_UNEXPECTED` for anything without a known one) and the text after it. */
export interface ErrorReport {
  code: string;
  text: string;
}

/**
 * The error's code and text: message, and where to fix a configuration problem. The message is scrubbed
 * with `scrub` before `safeText` may cut it, so a secret is never left half-recognizable.
 */
export function errorReport(e: unknown, scrub: EnvScrubber = (t) => t): ErrorReport {
  const code = field(e, "code");
  const setting = field(e, "setting");
  const own = typeof setting === "string" && Object.prototype.hasOwnProperty.call(CLI_MESSAGES, setting) ? CLI_MESSAGES[setting] : undefined;
  const message = safeText(scrub(own ?? String(field(e, "message") ?? e)), MAX_LINE);
  if (typeof code !== "string" || !/^FGS_[A-Z0-9_]{1,40}$/.test(code)) {
    const name = safeText(scrub(String(field(e, "name") ?? "Error")), 80);
    return { code: "FGS_UNEXPECTED", text: `${name}: ${message} (run with --debug for details)` };
  }
  let text = message;
  const hint = hintOf(code, setting);
  if (hint) text += ` [${hint}]`;
  const command = field(e, "command");
  if (code === "FGS_USAGE") text += ` (see fgs-execution${typeof command === "string" ? ` ${safeText(command, 20)}` : ""} --help)`;
  return { code, text };
}

/** The error line (without newline): `fgs-execution: <CODE>: <text>`. */
export function errorLine(e: unknown, scrub: EnvScrubber = (t) => t): string {
  const { code, text } = errorReport(e, scrub);
  return `fgs-execution: ${code}: ${text}`;
}

/**
 * The stack of an error for --debug: each line scrubbed and made safe. Frames keep their indentation;
 * any other line (the message, which may quote the service) is prefixed, so that no line of it can
 * begin with a workflow command once the CI runner trims leading white space.
 */
export function stackLines(stack: string, scrub: EnvScrubber): string[] {
  return stack
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map((l) => safeText(scrub(l), MAX_LINE))
    .filter((l) => l !== "")
    .map((l) => (l.startsWith("at ") ? `    ${l}` : `fgs-execution: debug: ${l}`));
}

/** Writes the error line, and the stack with --debug. */
export function reportError(e: unknown, io: CliIo, debug: boolean): void {
  const scrub = makeEnvScrubber(io.env);
  io.stderr.write(`${errorLine(e, scrub)}\n`);
  const stack = field(e, "stack");
  if (debug && typeof stack === "string") io.stderr.write(`${stackLines(stack, scrub).join("\n")}\n`);
}

/** The line bin/ writes for an exception nothing else caught (scrubbed and safe, with newline). */
export function crashLine(e: unknown, env: NodeJS.ProcessEnv): string {
  return `${errorLine(e, makeEnvScrubber(env))}\n`;
}
