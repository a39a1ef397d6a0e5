/**
 * The flags of `fgs-execution`, declared once: the parser reads their kinds, commands and requirements
 * from here and the help text lists them from here, so a flag can never exist without being documented
 * (a test checks the help of each command mentions every flag of that command).
 */
import { COMMANDS, type CommandName, GATING_COMMANDS, type Selection } from "./commands";

/**
 * How a flag's value is read. `list` may be repeated and takes comma-separated values; `repeated` may be
 * repeated and keeps each value whole (a condition or a node requirement may itself contain commas).
 */
export type FlagKind = "string" | "seconds" | "count" | "boolean" | "list" | "repeated";

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
  /** The parser refuses to run without it (under the selections it applies to, see `only`). */
  required?: boolean;
  /**
   * Exactly one flag of the group must be given, counting only the members that apply to the command
   * and selection (for `get`, `--workflow-id` alone applies, so it is simply required).
   */
  oneOf?: string;
  /**
   * Applies only with these selections: `latest` flags need the `latest` command or `wait --latest`;
   * `execution` flags are refused with them.
   */
  only?: readonly Selection[];
}

const ALL: readonly CommandName[] = COMMANDS;
const BY_ID: readonly CommandName[] = ["get", "wait"];
const FINDS_LATEST: readonly CommandName[] = ["latest", "wait"];
const NAMES_WORKFLOW: readonly CommandName[] = ["latest", "wait", "run"];
const WAIT: readonly CommandName[] = GATING_COMMANDS;
const RUN: readonly CommandName[] = ["run"];

/** Every flag, in the order the help lists them. */
export const FLAGS: readonly FlagSpec[] = [
  { name: "workflow-id", kind: "string", value: "ID", commands: ALL, oneOf: "workflow", description: "Workflow ID (1..512 characters)." },
  {
    name: "workflow-name",
    kind: "string",
    value: "NAME",
    commands: NAMES_WORKFLOW,
    oneOf: "workflow",
    only: ["latest", "start"],
    description:
      "Workflow name, instead of --workflow-id: it must match exactly one workflow of the project (exact, case-sensitive); " +
      "no match or several is exit 2, and the error lists the IDs to choose from.",
  },
  {
    name: "execution-id",
    kind: "string",
    value: "ID",
    commands: BY_ID,
    required: true,
    only: ["execution"],
    description: "Execution ID (1..64 characters).",
  },
  {
    name: "latest",
    kind: "boolean",
    commands: ["wait"],
    description:
      "Gate on the latest run of the workflow instead of the one given by --execution-id: the run that began last in the " +
      "--since/--until window (with --status), found as by the latest command. When the window holds no run yet, the " +
      "listing is repeated until one appears, within the same --timeout (exit 5 if none does). The run is chosen once: " +
      "a newer run starting during the wait is not switched to.",
  },
  {
    name: "input",
    kind: "string",
    value: "JSON|@FILE",
    commands: RUN,
    required: true,
    description:
      "The run's input: a JSON object, given literally or as @FILE to read it from a file (@- is not supported). " +
      "It may hold secrets: it is never printed, not even in an error about its syntax.",
  },
  {
    name: "headers",
    kind: "string",
    value: "JSON|@FILE",
    commands: RUN,
    description: "Headers the run starts with: a JSON object, literally or as @FILE. Treated as secret like --input.",
  },
  {
    name: "sync",
    kind: "boolean",
    commands: RUN,
    description:
      "Run an express workflow through the synchronous API (runs under 5 minutes) and gate on its answer; the wait flags are then unused.",
  },
  {
    name: "no-stop",
    kind: "boolean",
    commands: RUN,
    description:
      "Leave the run running when the wait times out (exit 4) or the command is interrupted (exit 130). By default the run this " +
      "command started is terminated then, and the error says so.",
  },
  {
    name: "status",
    kind: "string",
    value: "STATUS",
    commands: FINDS_LATEST,
    only: ["latest"],
    description: "Only consider runs with this status: success, fail, running, timeout or cancel. Default: any status.",
  },
  {
    name: "since",
    kind: "string",
    value: "TIME",
    commands: FINDS_LATEST,
    only: ["latest"],
    description:
      "Only consider runs that began at or after this ISO-8601 time with a zone (e.g. 2024-05-06T07:08:09Z). " +
      "Older runs are not seen at all (no run left: exit 5); compare --not-before, which fails an older run (exit 1). " +
      "Default: --until minus 3 days.",
  },
  {
    name: "until",
    kind: "string",
    value: "TIME",
    commands: FINDS_LATEST,
    only: ["latest"],
    description:
      "Only consider runs that began at or before this ISO-8601 time with a zone. Default: now plus 15 minutes " +
      "(margin for clock skew, so a run that just began is not missed).",
  },
  {
    name: "project-id",
    kind: "string",
    value: "ID",
    commands: ALL,
    description: "Project ID. Default: HW_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID, else discovered through IAM from the region.",
  },
  { name: "region", kind: "string", value: "REGION", commands: ALL, description: "Region ID such as cn-north-4. Default: HW_REGION_NAME." },
  {
    name: "endpoint",
    kind: "string",
    value: "URL",
    commands: ALL,
    description:
      "FunctionGraph endpoint. Default: HW_FUNCTIONGRAPH_ENDPOINT, else https://functiongraph.<region>.myhuaweicloud.com. " +
      "Must be https:// (http:// only for 127.0.0.1, ::1, localhost).",
  },
  { name: "full-history", kind: "boolean", commands: ALL, description: "Ask for complete node inputs and outputs instead of truncated ones." },
  {
    name: "output",
    kind: "string",
    value: "FORMAT",
    commands: ALL,
    description:
      "table (default, also when stdout is not a terminal), json (the execution only, for jq), or github " +
      "(workflow-command annotations, plus a Markdown summary appended to $GITHUB_STEP_SUMMARY when set; every non-zero " +
      "exit, an API or network error included, writes an ::error annotation and a summary section).",
  },
  {
    name: "require",
    kind: "list",
    value: "STATUS[,STATUS...]",
    commands: WAIT,
    description: "Final statuses that pass the gate: success, fail, timeout, cancel. Repeatable. Default: success.",
  },
  {
    name: "timeout",
    kind: "seconds",
    value: "SECONDS",
    commands: WAIT,
    description:
      "Stop waiting after this long (exit 4 if still not final). With --latest it also bounds the wait for a run to " +
      "appear (exit 5 if none did). Default: 600.",
  },
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
  {
    name: "require-node",
    kind: "repeated",
    value: "NAME[=STATUS[,STATUS...]]",
    commands: WAIT,
    description:
      "A node, by name, that must have ended in one of the statuses (default success), judged by its latest execution; a " +
      "missing node fails the gate (exit 1). Repeatable.",
  },
  {
    name: "condition",
    kind: "repeated",
    value: "EXPR",
    commands: WAIT,
    description:
      "A condition on what the run produced, SOURCE:POINTER OPERATOR [JSON], e.g. 'output:/verdict == \"ok\"', " +
      "'node[integration-tests]:/failed <= 0', 'output:/stage in [\"canary\",\"ga\"]', 'output:/report exists'. Sources: output, " +
      "input, node[NAME]; operators: ==, !=, <, <=, >, >=, in, exists [false], matches. A false or missing value fails the " +
      "gate (exit 1). Repeatable.",
  },
  {
    name: "conditions-file",
    kind: "string",
    value: "FILE",
    commands: WAIT,
    description:
      "A JSON list of conditions in the library's shape ({\"source\", \"path\", one operator, \"onFalse\", \"onMissing\", \"name\"}), " +
      "checked before those of --condition. onFalse or onMissing \"inconclusive\" makes such an outcome exit 6.",
  },
  {
    name: "expose-payloads",
    kind: "boolean",
    commands: WAIT,
    description: "Let condition messages quote the values they read (by default they never do: outputs may hold secrets).",
  },
  { name: "request-timeout", kind: "seconds", value: "SECONDS", commands: ALL, description: "Timeout of one HTTP attempt. Default: 15." },
  { name: "deadline", kind: "seconds", value: "SECONDS", commands: ALL, description: "Total time for one read, retries included. Default: 60." },
  {
    name: "max-retries",
    kind: "count",
    value: "N",
    commands: ALL,
    description: "Retries of one read on network errors and HTTP 408, 429, 500, 502, 503, 504 (0..20). Default: 4.",
  },
  { name: "debug", kind: "boolean", commands: ALL, description: "Print one line per HTTP attempt, and stack traces of errors, on stderr." },
  { name: "help", kind: "boolean", commands: ALL, description: "Show this help and exit 0 (also -h)." },
];

/** The flags a command accepts. */
export function flagsOf(command: CommandName): FlagSpec[] {
  return FLAGS.filter((f) => f.commands.includes(command));
}

/** True when `flag` applies to runs chosen by `selection` (see {@link FlagSpec.only}). */
export function appliesTo(flag: FlagSpec, selection: Selection): boolean {
  return flag.only === undefined || flag.only.includes(selection);
}

/** The flags of the `oneOf` group `group` that `command` accepts under `selection`. */
export function groupMembers(group: string, command: CommandName, selection: Selection): FlagSpec[] {
  return flagsOf(command).filter((f) => f.oneOf === group && appliesTo(f, selection));
}
