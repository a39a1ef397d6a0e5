/**
 * The answer of StartSyncWorkflowExecution as a `WorkflowExecution`, so that the gate decides on an
 * express run exactly as on any other. Express runs are not persisted and the answer names no URN:
 * `workflowUrn` is empty, and each node error becomes a node with one failed execution (the answer
 * lists only failed nodes, by ID).
 */
import { attachError } from "./errorText";
import { apiTime } from "./time";
import type { JsonObject, NodeExecution, NodeExecutionDetail, WorkflowExecution } from "./types";

/** The answer, already validated against schema/sync-execution-response.schema.json. */
export interface SyncAnswer {
  execution_id: string;
  status: "success" | "fail" | "timeout";
  output?: JsonObject | null;
  errors?: Array<{ node_id: string; error_message?: unknown; begin_time?: string; end_time?: string }> | null;
  begin_time?: string;
  end_time?: string;
}

function timed<T extends { beginTime?: string; endTime?: string; durationMs?: number }>(out: T, begin?: string, end?: string): T {
  const b = apiTime(begin);
  const e = apiTime(end);
  if (b !== undefined) out.beginTime = b.iso;
  if (e !== undefined) out.endTime = e.iso;
  if (b !== undefined && e !== undefined && e.ms >= b.ms) out.durationMs = e.ms - b.ms;
  return out;
}

function failedNode(error: NonNullable<SyncAnswer["errors"]>[number], executionId: string): NodeExecutionDetail {
  const message = error.error_message;
  // A string message is kept as data under `message`, so that every node error is an object.
  const errorMessage = typeof message === "string" ? { message } : message !== null && typeof message === "object" ? (message as JsonObject) : undefined;
  const execution = timed<NodeExecution>({ status: "fail" }, error.begin_time, error.end_time);
  if (errorMessage !== undefined) attachError(execution, errorMessage);
  return { nodeId: error.node_id, nodeName: error.node_id, executionId, executions: [execution] };
}

export function syncAnswerToExecution(answer: SyncAnswer, workflowId: string): WorkflowExecution {
  const nodes = (answer.errors ?? []).map((e) => failedNode(e, answer.execution_id));
  const out: WorkflowExecution = {
    workflowId,
    workflowUrn: "",
    urn: { region: "", projectId: "", package: "", workflowName: "", version: "" },
    executionId: answer.execution_id,
    status: answer.status,
    terminal: true,
    succeeded: answer.status === "success",
    nodes,
    failedNodes: nodes,
  };
  if (answer.output != null) out.output = answer.output;
  return timed(out, answer.begin_time, answer.end_time);
}
