/**
 * Error reporting: one line on stderr, `fgs-execution: <CODE>: <message>`, with a hint that translates
 * the library's setting names into this command's flags and variables. Stack traces only with --debug.
 * The library's messages are already free of credentials; as a second line of defence everything this
 * file writes is scrubbed of the credential values present in the environment.
 */
import type { CliIo } from "./io";

const SECRET_VARIABLES = [
  "HW_ACCESS_KEY",
  "HW_SECRET_KEY",
  "HW_SECURITY_TOKEN",
  "HUAWEICLOUD_SDK_AK",
  "HUAWEICLOUD_SDK_SK",
  "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  "CLOUD_SDK_AK",
  "CLOUD_SDK_SK",
];

const CREDENTIAL_HINT = "credentials are read from the environment only: set HW_ACCESS_KEY and HW_SECRET_KEY (see --help)";

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
  credentials: CREDENTIAL_HINT,
  accessKey: CREDENTIAL_HINT,
  secretKey: CREDENTIAL_HINT,
  securityToken: "HW_SECURITY_TOKEN",
  requireStatus: "--require",
  notBefore: "--not-before",
  maxAgeSeconds: "--max-age",
  "waitForCompletion.timeoutSeconds": "--timeout",
  "waitForCompletion.minIntervalSeconds": "--interval",
  "waitForCompletion.maxIntervalSeconds": "--max-interval",
  requestTimeoutSeconds: "--request-timeout",
  deadlineSeconds: "--deadline",
  maxRetries: "--max-retries",
};

/** Error codes (without a setting) → the flags that change the outcome. */
const CODE_HINTS: Record<string, string> = {
  FGS_NO_EXECUTION: "--since, --until, --status",
};

/** Replaces every credential value found in `env` (4+ characters) with `[redacted]`. */
export function makeEnvScrubber(env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = SECRET_VARIABLES.map((n) => env[n])
    .filter((v): v is string => typeof v === "string" && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, s) => out.split(s).join("[redacted]"), text);
}

function field(e: unknown, key: string): unknown {
  return typeof e === "object" && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

/** The error line (without newline): code, message, and where to fix a configuration problem. */
export function errorLine(e: unknown): string {
  const code = field(e, "code");
  const message = String(field(e, "message") ?? e).replace(/\s*[\r\n]+\s*/g, " ");
  if (typeof code !== "string" || !code.startsWith("FGS_")) {
    return `fgs-execution: FGS_UNEXPECTED: ${String(field(e, "name") ?? "Error")}: ${message} (run with --debug for details)`;
  }
  let line = `fgs-execution: ${code}: ${message}`;
  const setting = field(e, "setting");
  const hint = typeof setting === "string" ? SETTING_HINTS[setting] : CODE_HINTS[code];
  if (hint) line += ` [${hint}]`;
  const command = field(e, "command");
  if (code === "FGS_USAGE") line += ` (see fgs-execution${typeof command === "string" ? ` ${command}` : ""} --help)`;
  return line;
}

/** Writes the error line, and the stack with --debug. */
export function reportError(e: unknown, io: CliIo, debug: boolean): void {
  const scrub = makeEnvScrubber(io.env);
  io.stderr.write(`${scrub(errorLine(e))}\n`);
  const stack = field(e, "stack");
  if (debug && typeof stack === "string") io.stderr.write(`${scrub(stack)}\n`);
}
