/**
 * The flags of `fgs-execution`, declared once: the parser reads their kinds from here and the help text
 * lists them from here, so a flag can never exist without being documented (a test checks the help of
 * each command mentions every flag of that command).
 */

/** The commands. `get` reads once; `wait` polls until the run is final, then applies the gate. */
export type CommandName = "get" | "wait";
export const COMMANDS: readonly CommandName[] = ["get", "wait"];

/** How a flag's value is read. `list` may be repeated and takes comma-separated values. */
export type FlagKind = "string" | "seconds" | "count" | "boolean" | "list";

/** One flag. */
export interface FlagSpec {
  /** Long name without the dashes, e.g. `workflow-id`. */
  name: string;
  kind: FlagKind;
  /** Placeholder shown in help, e.g. `SECONDS`. */
  value?: string;
  /** Commands that accept the flag. */
  commands: readonly CommandName[];
  /** Help text (one or two sentences; the default is part of it). */
  description: string;
  /** Shown as `(required)` in help; the parser refuses to run without it. */
  required?: boolean;
}

const BOTH: readonly CommandName[] = ["get", "wait"];
const WAIT: readonly CommandName[] = ["wait"];

/** Every flag, in the order the help lists them. */
export const FLAGS: readonly FlagSpec[] = [
  { name: "workflow-id", kind: "string", value: "ID", commands: BOTH, required: true, description: "Workflow ID (1..512 characters)." },
  { name: "execution-id", kind: "string", value: "ID", commands: BOTH, required: true, description: "Execution ID (1..64 characters)." },
  {
    name: "project-id",
    kind: "string",
    value: "ID",
    commands: BOTH,
    description: "Project ID. Default: HW_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID, else discovered through IAM from the region.",
  },
  { name: "region", kind: "string", value: "REGION", commands: BOTH, description: "Region ID such as cn-north-4. Default: HW_REGION_NAME." },
  {
    name: "endpoint",
    kind: "string",
    value: "URL",
    commands: BOTH,
    description:
      "FunctionGraph endpoint. Default: HW_FUNCTIONGRAPH_ENDPOINT, else https://functiongraph.<region>.myhuaweicloud.com. " +
      "Must be https:// (http:// only for 127.0.0.1, ::1, localhost).",
  },
  { name: "full-history", kind: "boolean", commands: BOTH, description: "Ask for complete node inputs and outputs instead of truncated ones." },
  {
    name: "output",
    kind: "string",
    value: "FORMAT",
    commands: BOTH,
    description:
      "table (default, also when stdout is not a terminal), json (the execution only, for jq), or github " +
      "(workflow-command annotations, plus a Markdown summary appended to $GITHUB_STEP_SUMMARY when set).",
  },
  {
    name: "require",
    kind: "list",
    value: "STATUS[,STATUS...]",
    commands: WAIT,
    description: "Final statuses that pass the gate: success, fail, timeout, cancel. Repeatable. Default: success.",
  },
  { name: "timeout", kind: "seconds", value: "SECONDS", commands: WAIT, description: "Stop waiting after this long (exit 4 if still not final). Default: 600." },
  { name: "interval", kind: "seconds", value: "SECONDS", commands: WAIT, description: "First interval between polls; grows with jitter. Default: 2 (at least 0.01)." },
  {
    name: "max-interval",
    kind: "seconds",
    value: "SECONDS",
    commands: WAIT,
    description: "Largest interval between polls. Default: 30, or --interval when that is larger.",
  },
  {
    name: "not-before",
    kind: "string",
    value: "TIME",
    commands: WAIT,
    description: "The run must have begun at or after this ISO-8601 time (e.g. 2024-05-06T07:08:09Z); an older run fails (exit 1).",
  },
  { name: "max-age", kind: "seconds", value: "SECONDS", commands: WAIT, description: "The run must have begun at most this long ago; an older run fails (exit 1)." },
  { name: "request-timeout", kind: "seconds", value: "SECONDS", commands: BOTH, description: "Timeout of one HTTP attempt. Default: 15." },
  { name: "deadline", kind: "seconds", value: "SECONDS", commands: BOTH, description: "Total time for one read, retries included. Default: 60." },
  {
    name: "max-retries",
    kind: "count",
    value: "N",
    commands: BOTH,
    description: "Retries of one read on network errors and HTTP 408, 429, 500, 502, 503, 504 (0..20). Default: 4.",
  },
  { name: "debug", kind: "boolean", commands: BOTH, description: "Print one line per HTTP attempt, and stack traces of errors, on stderr." },
  { name: "help", kind: "boolean", commands: BOTH, description: "Show this help and exit 0 (also -h)." },
];

/** The flags a command accepts. */
export function flagsOf(command: CommandName): FlagSpec[] {
  return FLAGS.filter((f) => f.commands.includes(command));
}
