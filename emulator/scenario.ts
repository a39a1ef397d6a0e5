/**
 * The scenario format: what the emulator serves. A scenario is plain JSON (see `scenarios/default.json` and
 * README.md) so that the demo, the tests and people trying the library can all describe runs without code.
 *
 * Times are {@link TimeSpec}s, resolved against the emulator's time base (the clock at start or at the last
 * `reset()`), so a run that "began 5 minutes ago" is always fresh.
 */
import type { ScenarioFault } from "./fault-types";

/**
 * A point in time: `"now"`, a signed offset from the time base such as `"-5m"`, `"+30s"`, `"-1h30m"`,
 * `"-4d"` (units `ms`, `s`, `m`, `h`, `d`), or an absolute ISO-8601 date with a zone (`"2024-05-06T07:08:09Z"`).
 * Node-level times may also be given as epoch milliseconds (a number), served as is.
 */
export type TimeSpec = string;

/** Every status the emulator knows: the five of ShowWorkflowExecution and the four non-final extras. */
export const EMULATOR_STATUSES = [
  "success",
  "fail",
  "running",
  "timeout",
  "cancel",
  "scheduled",
  "retrying",
  "stopping",
  "recovered",
] as const;
/** The statuses of a run that has ended. */
export const FINAL_STATUSES = ["success", "fail", "timeout", "cancel"] as const;
/** One of `EMULATOR_STATUSES`. */
export type EmulatorStatus = (typeof EMULATOR_STATUSES)[number];

/** A JSON object served as opaque data (headers, input, output, error_message). */
export type JsonObject = { [key: string]: unknown };

/** A whole emulated account: one project in one region, its workflows and IAM view. */
export interface Scenario {
  /** The project every `/v2/{project_id}/...` path must name (otherwise 404 FSS.0404). 1..64 chars. */
  projectId: string;
  /** Region used in URNs and as the default IAM project name. */
  region: string;
  /** Account (domain) id reported by IAM. Default `"emulatordomain" + projectId` cut to 32 chars. */
  domainId?: string;
  /**
   * What `GET /v3/projects?name=<region>` answers, per region name: zero, one or several projects.
   * Default: `{ [region]: [{ id: projectId }] }`. Regions not listed answer an empty list.
   */
  iamProjects?: Record<string, ScenarioIamProject[]>;
  /**
   * Without `X-Get-Workflow-Full-History-Data: true`, a node execution's `input`/`output` whose JSON is
   * longer than this many bytes is replaced by a short marker object. Default 64.
   */
  historyTruncateBytes?: number;
  /**
   * Templates for runs started through the API, by name; the start request's `input.scenario` picks one
   * (`"default"` when absent). A start naming no template is refused with 400. See `ScenarioRunTemplate`.
   */
  runTemplates?: Record<string, ScenarioRunTemplate>;
  workflows: ScenarioWorkflow[];
}

/** One IAM project entry. */
export interface ScenarioIamProject {
  id: string;
  /** Default: the region key it is listed under. */
  name?: string;
  /** Default true. */
  enabled?: boolean;
  /** Default: the scenario's domainId. */
  domainId?: string;
}

/** A workflow definition and its runs. */
export interface ScenarioWorkflow {
  /** 1..64 chars, unique in the scenario. */
  id: string;
  /** Used in the URN and matched (case-insensitive "contains") by the list API's `workflow_name`. */
  name: string;
  description?: string;
  /** URN package, default `"default"`. */
  package?: string;
  /** URN version, default `"latest"`. */
  version?: string;
  /** Default `"-30d"`. */
  createdTime?: TimeSpec;
  /** Default: createdTime. */
  updatedTime?: TimeSpec;
  /** Default `"emulator"`. */
  createdBy?: string;
  /**
   * An express workflow: only it answers `sync-executions` (400 otherwise), and its runs are not persisted
   * (a run started asynchronously is accepted but cannot be read by id). Default false.
   */
  express?: boolean;
  executions: ScenarioExecution[];
}

/** One node execution (attempt); a node retried or looped has several. */
export interface ScenarioNodeExecution {
  status: EmulatorStatus;
  /** TimeSpec or epoch ms; absent serves 0. */
  beginTime?: TimeSpec | number;
  /** TimeSpec or epoch ms; absent serves 0 (e.g. while the node runs). */
  endTime?: TimeSpec | number;
  input?: JsonObject;
  output?: JsonObject;
  /** Served as `error_message`; default `{}`. */
  errorMessage?: JsonObject;
  /** Default: a stable UUID-shaped id derived from the execution, node and attempt. */
  requestId?: string;
}

/** A node of the workflow as it appears in `node_execution_details`. */
export interface ScenarioNode {
  /** Unique within the execution; progress stages replace nodes by this id. */
  id: string;
  name: string;
  /** Served as the node's `execution_id`. Default `<execution id>:<node id>`. */
  executionId?: string;
  executions: ScenarioNodeExecution[];
}

/**
 * A later state of a progressing run. Exactly one of `afterPolls` / `afterSeconds`. Stages apply in order,
 * each on top of the previous state; a stage's `nodes` replace nodes with the same id and append new ones.
 */
export interface ScenarioStage {
  /** Active once this many polls (complete 200 reads of this execution) have been answered. */
  afterPolls?: number;
  /** Active once this many seconds have passed since the time base (emulator start or reset). */
  afterSeconds?: number;
  status?: EmulatorStatus;
  endTime?: TimeSpec;
  lastUpdateTime?: TimeSpec;
  output?: JsonObject;
  nodes?: ScenarioNode[];
}

export type {
  CloseWithoutResponseFault,
  DelayFault,
  EmptyBodyFault,
  FaultAttempts,
  FaultKind,
  HtmlErrorFault,
  OversizeBodyFault,
  RedirectFault,
  ResetBeforeResponseFault,
  ResetMidBodyFault,
  ScenarioFault,
  StallBodyFault,
  StatusFault,
  TruncatedJsonFault,
  WrongContentTypeFault,
} from "./fault-types";

/**
 * How a started run behaves. The start request's `input.scenario` names the template (`"default"` when
 * absent). Times are relative to the moment of the start (`"now"` is the start), and `afterSeconds` stages
 * count from it too; `afterPolls` stages count reads of the new run, as for scenario runs.
 */
export interface ScenarioRunTemplate {
  /** One line saying what the template demonstrates (printed by `npm run emulator`). */
  summary?: string;
  /** Status right after the start, usually `"running"`. */
  status: EmulatorStatus;
  /** Default `"now"` (the start). */
  beginTime?: TimeSpec;
  endTime?: TimeSpec;
  lastUpdateTime?: TimeSpec;
  /** Default `"emulator"`. */
  createdBy?: string;
  output?: JsonObject;
  nodes?: ScenarioNode[];
  progress?: ScenarioStage[];
  /** Faults on reads of the started run, keyed by its read attempts (as `ScenarioExecution.faults`). */
  faults?: ScenarioFault[];
  /**
   * Faults on the start request itself, keyed by the number of start requests (both start APIs) that chose
   * this template since the emulator started or was reset. A `status` fault with a 4xx status refuses the
   * start (no run is created); every other fault creates the run first and then spoils the answer, which
   * is exactly the case where a client cannot know whether a run started.
   */
  startFaults?: ScenarioFault[];
}

/** Options of a generated (large) execution body, see `makeLargeExecution`. */
export interface LargeExecutionSpec {
  nodes: number;
  executionsPerNode: number;
  status?: EmulatorStatus;
  outputBytes?: number;
}

/**
 * One run. Its body comes from exactly one source: the structured fields (status, times, nodes...),
 * `raw` (any JSON value), `rawText` (bytes served verbatim) or `large` (generated).
 */
export interface ScenarioExecution {
  /** 1..64 chars, unique in the whole scenario. */
  id: string;
  /** One line saying what this run demonstrates (printed by `npm run emulator`). */
  summary?: string;
  /** Copy the body fields (status, times, headers, input, output, createdBy, nodes) of another execution. */
  basedOn?: string;
  status?: EmulatorStatus;
  beginTime?: TimeSpec;
  /** Absent serves `""` (a run that has not ended). */
  endTime?: TimeSpec;
  /** Default: endTime, else the latest node time, else beginTime. */
  lastUpdateTime?: TimeSpec;
  /** Default `"emulator"`. */
  createdBy?: string;
  headers?: JsonObject;
  input?: JsonObject;
  output?: JsonObject;
  nodes?: ScenarioNode[];
  progress?: ScenarioStage[];
  /** Hidden (404, absent from lists) until this many list-executions calls of its workflow were answered. */
  appearAfterListCalls?: number;
  /** Hidden until this many seconds after the time base. */
  appearAfterSeconds?: number;
  faults?: ScenarioFault[];
  /** Served as `JSON.stringify(raw)`, untouched (no truncation unless `truncateRawHistory`). */
  raw?: unknown;
  /** Served byte for byte. */
  rawText?: string;
  /** Apply the full-history truncation to a `raw` object body too. Default false. */
  truncateRawHistory?: boolean;
  large?: LargeExecutionSpec;
}
