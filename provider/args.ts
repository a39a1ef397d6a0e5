/**
 * The arguments and the result of `getWorkflowExecution` and of everything built on it (the Output
 * function, the dynamic resource, the CLI). One type per concern; every field documents its default.
 */
import type { Credentials } from "./api/signer";
import type { Condition, RequireNodes } from "./conditionArgs";
import type { ExecutionStatus, WorkflowExecution } from "./model/types";

/**
 * A workflow run, validated and mapped (camelCase): status, URN parts, times, every node's executions
 * with their errors, and `failedNodes`. What `getWorkflowExecution` returns. (Named after the function,
 * as Pulumi names a data source's result, so that `WorkflowExecution` can be the resource class.)
 */
export interface GetWorkflowExecutionResult extends WorkflowExecution {}

/** What `getLatestWorkflowExecution` returns: the run it chose, shaped like `GetWorkflowExecutionResult`. */
export type GetLatestWorkflowExecutionResult = GetWorkflowExecutionResult;

/** Where to connect and as whom. Every field falls back to stack config, then the environment. */
export interface ConnectionArgs {
  /**
   * Project ID (1..64 chars). Default: `huaweicloud:projectId`, `HW_PROJECT_ID`, `HUAWEICLOUD_SDK_PROJECT_ID`;
   * without any, discovered through IAM (`GET /v3/projects?name=<region>`), which must match exactly one.
   */
  projectId?: string;
  /** Region ID, e.g. `cn-north-4`. Default: `huaweicloud:region`, `HW_REGION_NAME`. Required unless `endpoint` is set. */
  region?: string;
  /**
   * FunctionGraph endpoint. Default `https://functiongraph.<region>.myhuaweicloud.com`. Must be `https://`;
   * plain `http://` is accepted only for loopback hosts (the emulator).
   */
  endpoint?: string;
  /** IAM endpoint for project discovery. Default `HUAWEICLOUD_SDK_IAM_ENDPOINT`, else `https://iam.myhuaweicloud.com`. */
  iamEndpoint?: string;
  /**
   * AK/SK (and token for temporary credentials). Default: `huaweicloud:accessKey|secretKey|securityToken`,
   * then `HW_ACCESS_KEY|HW_SECRET_KEY|HW_SECURITY_TOKEN`, then `HUAWEICLOUD_SDK_AK|SK|SECURITY_TOKEN`,
   * then `CLOUD_SDK_AK|CLOUD_SDK_SK`.
   */
  credentials?: Credentials;
}

/** How each HTTP exchange behaves. */
export interface RequestArgs {
  /** Timeout of one HTTP attempt, headers and body included. Default 15 s. */
  requestTimeoutSeconds?: number;
  /** Total deadline of one read, retries and backoff included. Default 60 s. */
  deadlineSeconds?: number;
  /** Retries after the first attempt on network errors, 408, 429, 500, 502, 503, 504. Default 4. */
  maxRetries?: number;
  /** Cancels the read (and any wait) when it fires. */
  signal?: AbortSignal;
}

/** Polling settings for `waitForCompletion`. */
export interface WaitOptions {
  /** Give up waiting after this long. Default 600 s. */
  timeoutSeconds?: number;
  /** First interval between polls; grows exponentially (with jitter) up to `maxIntervalSeconds`. Default 2 s. */
  minIntervalSeconds?: number;
  /** Largest interval between polls. Default 30 s. */
  maxIntervalSeconds?: number;
  /** Consecutive failed reads (after each read's own retries) tolerated while waiting. Default 3. */
  maxConsecutiveErrors?: number;
}

/** What the gate does with a result that does not pass. */
export type GateMode = "enforce" | "warn" | "report";

/** A status change seen while reading or waiting. */
export interface ProgressEvent {
  /** Milliseconds since the gate started. */
  elapsedMs: number;
  /** Reads made so far (1 for the first). */
  polls: number;
  status: ExecutionStatus;
  /** Nodes whose latest execution is final, and all nodes. */
  nodesFinished: number;
  nodesTotal: number;
  execution: GetWorkflowExecutionResult;
}

/** Gate options: waiting, the statuses that pass, freshness, and what to do on failure. */
export interface GateArgs {
  /** Poll while the status is not final. `true` uses the defaults of `WaitOptions`. Default: no wait. */
  waitForCompletion?: boolean | WaitOptions;
  /**
   * Statuses that pass (typically `"success"`). A final status outside the set fails the gate; a run that
   * is not final when the gate decides never passes. Default: no status requirement.
   */
  requireStatus?: ExecutionStatus | ExecutionStatus[];
  /** The run must have begun at or after this time (ISO-8601 string or Date). */
  notBefore?: string | Date;
  /** The run must have begun at most this many seconds before the gate decides. */
  maxAgeSeconds?: number;
  /** `enforce` (default) throws `WorkflowGateError`; `warn` logs a warning and returns; `report` only returns. */
  mode?: GateMode;
  /**
   * Nodes, by name, that must have ended in a status: a list of names (each must be `success`) or an
   * object of name to status(es). Judged by each node's latest execution; a missing node fails the gate,
   * and a name that matches two nodes is an error. Default: none.
   */
  requireNodes?: RequireNodes;
  /**
   * Conditions on what the run produced: each reads one value (the run's `output` or `input`, or a node's
   * latest output, at a JSON Pointer) and compares it. A false one fails the gate, or makes it
   * inconclusive (`onFalse`); a missing value or one of the wrong type counts as missing (`onMissing`).
   * Turns on `fullHistory` unless it is set. Default: none.
   */
  conditions?: Condition[];
  /** Let gate messages quote the values conditions read (they may be sensitive). Default false. */
  exposePayloads?: boolean;
  /** Called on the first read and on every status change. */
  onProgress?: (event: ProgressEvent) => void;
}

/** Arguments of `getWorkflowExecution`. */
export interface GetWorkflowExecutionArgs extends ConnectionArgs, RequestArgs, GateArgs {
  /** Workflow ID (1..512 chars; no `/`, `?`, `#`, control characters, `.` or `..`). */
  workflowId: string;
  /** Execution ID (1..64 chars, same character rules). */
  executionId: string;
  /** Ask for complete node outputs (`X-Get-Workflow-Full-History-Data: true`). Default false. */
  fullHistory?: boolean;
}
