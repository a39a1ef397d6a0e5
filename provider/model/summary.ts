/**
 * camelCase views of list items (ListWorkflowExecutions, ListWorkflows), produced by `./listMap`.
 * Absent optional properties are omitted, never set to undefined.
 */
import type { ExecutionStatus } from "./types";

/** One execution from a list, without node details. */
export interface ExecutionSummary {
  workflowId: string;
  workflowUrn: string;
  executionId: string;
  status: ExecutionStatus;
  /** ISO-8601 UTC (`Date#toISOString` form); absent when the API sent an empty string or nothing. */
  beginTime?: string;
  endTime?: string;
  lastUpdateTime?: string;
  createdBy?: string;
}

/** One workflow definition from ListWorkflows. */
export interface WorkflowSummary {
  id: string;
  name: string;
  workflowUrn: string;
  description?: string;
  /** As sent by the API (its format is not documented); absent when empty or null. */
  createdTime?: string;
  updatedTime?: string;
  createdBy?: string;
  enableStreamResponse?: boolean;
}
