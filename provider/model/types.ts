/**
 * The typed, camelCase view of a FunctionGraph workflow execution, as returned by `getWorkflowExecution`.
 * The raw API body (snake_case) is described by `schema/workflow-execution.schema.json`; `toWorkflowExecution`
 * in `./map` turns a validated body into this shape.
 */

/** Statuses the ShowWorkflowExecution API documents. */
export const FINAL_STATUSES = ["success", "fail", "timeout", "cancel"] as const;
/** Statuses the executions-history API documents in addition; none of them is final, none is success. */
export const NON_FINAL_STATUSES = ["running", "scheduled", "retrying", "stopping", "recovered"] as const;
/** Every status the library accepts; anything else is a `ResponseValidationError`. */
export const ALL_STATUSES = [...FINAL_STATUSES, ...NON_FINAL_STATUSES] as const;

export type FinalStatus = (typeof FINAL_STATUSES)[number];
export type NonFinalStatus = (typeof NON_FINAL_STATUSES)[number];
export type ExecutionStatus = FinalStatus | NonFinalStatus;

/** True for the statuses that end a run (`success`, `fail`, `timeout`, `cancel`). */
export function isFinalStatus(s: string): s is FinalStatus {
  return s === "success" || s === "fail" || s === "timeout" || s === "cancel";
}

/** Node execution statuses that make a node count as failed. */
export const FAILED_NODE_STATUSES: readonly ExecutionStatus[] = ["fail", "timeout", "cancel"];

/** `urn:fss:<region>:<project_id>:workflow:<package>:<workflow_name>:<version>`, parsed. */
export interface WorkflowUrn {
  region: string;
  projectId: string;
  package: string;
  workflowName: string;
  version: string;
}

/** Any JSON object the API returns as opaque data (headers, input, output, error_message). */
export type JsonObject = { [key: string]: unknown };

/** One execution (attempt) of a node. */
export interface NodeExecution {
  status: ExecutionStatus;
  input?: JsonObject;
  output?: JsonObject;
  /** ISO-8601 UTC, converted from epoch milliseconds; absent when the API sent 0 or nothing. */
  beginTime?: string;
  endTime?: string;
  /** endTime - beginTime in ms, when both are present and the end is not before the begin. */
  durationMs?: number;
  /** The `error_message` object exactly as sent (same reference); absent when null or empty. */
  errorMessage?: JsonObject;
  /** A readable one-line rendering of `errorMessage`, or absent when there is no error. */
  error?: string;
  requestId?: string;
}

/** A node of the workflow and its executions (several when the node was retried or looped). */
export interface NodeExecutionDetail {
  nodeId: string;
  nodeName: string;
  executionId: string;
  executions: NodeExecution[];
}

/** A workflow run, validated and mapped. */
export interface WorkflowExecution {
  workflowId: string;
  workflowUrn: string;
  urn: WorkflowUrn;
  executionId: string;
  status: ExecutionStatus;
  /** The status is final (`success`, `fail`, `timeout`, `cancel`). */
  terminal: boolean;
  /** The status is `success`. Never true for anything else. */
  succeeded: boolean;
  /** The objects as sent (same references, not copies); absent when the API sent null or nothing. */
  headers?: JsonObject;
  input?: JsonObject;
  output?: JsonObject;
  /** ISO-8601 UTC strings (`Date#toISOString` form); absent when the API sent an empty string. */
  beginTime?: string;
  endTime?: string;
  lastUpdateTime?: string;
  /** endTime - beginTime in ms, when both are present and the end is not before the begin. */
  durationMs?: number;
  createdBy?: string;
  nodes: NodeExecutionDetail[];
  /**
   * Nodes whose latest execution (greatest begin time, ties to the later one) ended `fail`, `timeout`
   * or `cancel`; the same objects as in `nodes`. A node without executions is not failed.
   */
  failedNodes: NodeExecutionDetail[];
}
