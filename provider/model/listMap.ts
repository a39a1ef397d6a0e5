/**
 * Maps validated list bodies (ListWorkflowExecutions, ListWorkflows) to camelCase summaries. Execution
 * times follow the same rules as `toWorkflowExecution`; workflow times are passed through as sent, since
 * their format is not documented and nothing is decided on them.
 */
import type { ExecutionListBody, ExecutionListItemBody, WorkflowListBody, WorkflowListItemBody } from "./bodies";
import type { ExecutionSummary, WorkflowSummary } from "./summary";
import { apiTime } from "./time";

/** One execution of a validated execution list. */
export function toExecutionSummary(item: ExecutionListItemBody): ExecutionSummary {
  const out: ExecutionSummary = {
    workflowId: item.workflow_id,
    workflowUrn: item.workflow_urn,
    executionId: item.execution_id,
    status: item.status,
  };
  const begin = apiTime(item.begin_time)?.iso;
  const end = apiTime(item.end_time)?.iso;
  const updated = apiTime(item.last_update_time)?.iso;
  if (begin !== undefined) out.beginTime = begin;
  if (end !== undefined) out.endTime = end;
  if (updated !== undefined) out.lastUpdateTime = updated;
  if (item.created_by) out.createdBy = item.created_by;
  return out;
}

/** All executions of a validated execution list, in the order sent (null → []). */
export function toExecutionSummaries(body: ExecutionListBody): ExecutionSummary[] {
  return (body.executions ?? []).map(toExecutionSummary);
}

/** One workflow of a validated workflow list; empty or null optional strings are omitted. */
export function toWorkflowSummary(item: WorkflowListItemBody): WorkflowSummary {
  const out: WorkflowSummary = { id: item.id, name: item.name, workflowUrn: item.workflow_urn };
  if (item.description) out.description = item.description;
  if (item.created_time) out.createdTime = item.created_time;
  if (item.updated_time) out.updatedTime = item.updated_time;
  if (item.created_by) out.createdBy = item.created_by;
  if (typeof item.enable_stream_response === "boolean") out.enableStreamResponse = item.enable_stream_response;
  return out;
}

/** All workflows of a validated workflow list, in the order sent (null → []). */
export function toWorkflowSummaries(body: WorkflowListBody): WorkflowSummary[] {
  return (body.workflows ?? []).map(toWorkflowSummary);
}
