/**
 * Maps a validated ShowWorkflowExecution body to the typed `WorkflowExecution`. Opaque objects (headers,
 * input, output, error_message) are kept by reference, never copied. Absent optional properties are
 * omitted rather than set to undefined, so the result serialises cleanly; properties are added in the
 * interface's order so JSON output reads naturally.
 */
import type { ExecutionBody, NodeExecutionBody, NodeExecutionDetailBody } from "./bodies";
import { attachError } from "./errorText";
import { apiTime, millisToIso } from "./time";
import { FAILED_NODE_STATUSES, isFinalStatus } from "./types";
import type { NodeExecution, NodeExecutionDetail, WorkflowExecution } from "./types";
import { parseWorkflowUrn } from "./urn";

/**
 * The execution of a node that counts (for "failed", progress and messages alike): the one that began
 * last. A missing begin time counts as the epoch, and a tie goes to the later one in the list, since a
 * retry is listed after the attempt it retries.
 */
export function latestExecution(node: NodeExecutionDetail): NodeExecution | undefined {
  let latest: NodeExecution | undefined;
  for (const e of node.executions) if (latest === undefined || !beganBefore(e, latest)) latest = e;
  return latest;
}

/**
 * Whether `a` began strictly before `b`. Mapped begin times are `toISOString` text, which for four-digit
 * years sorts as it reads, so most comparisons need no parse (a 200 x 200 body has 40,000 of them).
 */
function beganBefore(a: NodeExecution, b: NodeExecution): boolean {
  const x = a.beginTime;
  const y = b.beginTime;
  if (x === undefined || y === undefined) return x === undefined && y !== undefined;
  return x.length === 24 && y.length === 24 ? x < y : Date.parse(x) < Date.parse(y);
}

/** One node execution. Epoch 0 (or nothing) means "not set"; a negative duration is not reported. */
function toNodeExecution(e: NodeExecutionBody): NodeExecution {
  const begin = e.begin_time ?? 0;
  const end = e.end_time ?? 0;
  const x: NodeExecution = { status: e.status };
  if (e.input != null) x.input = e.input;
  if (e.output != null) x.output = e.output;
  if (begin > 0) x.beginTime = millisToIso(begin);
  if (end > 0) x.endTime = millisToIso(end);
  if (begin > 0 && end > 0 && end >= begin) x.durationMs = end - begin;
  const em = e.error_message;
  if (em != null && Object.keys(em).length > 0) attachError(x, em);
  if (e.request_id) x.requestId = e.request_id;
  return x;
}

function toNode(d: NodeExecutionDetailBody): NodeExecutionDetail {
  const executions = (d.executions ?? []).map(toNodeExecution);
  return { nodeId: d.node_id, nodeName: d.node_name, executionId: d.execution_id, executions };
}

/** A node counts as failed when its latest execution ended fail, timeout or cancel. */
function hasFailed(node: NodeExecutionDetail): boolean {
  const last = latestExecution(node);
  return last !== undefined && FAILED_NODE_STATUSES.includes(last.status);
}

/**
 * Turns a body that passed `validateBody("execution", ...)` into a `WorkflowExecution`. `succeeded` is
 * true only for status `success`; `terminal` follows `isFinalStatus`. The body is not modified. Throws a
 * TypeError only when the body was not validated (unparseable URN or time), never returns a
 * half-understood model.
 */
export function toWorkflowExecution(body: ExecutionBody): WorkflowExecution {
  const urn = parseWorkflowUrn(body.workflow_urn);
  if (!urn) throw new TypeError("workflow_urn is not a workflow URN; validate the body first");
  const { status, headers, input, output } = body;
  const out = {
    workflowId: body.workflow_id,
    workflowUrn: body.workflow_urn,
    urn,
    executionId: body.execution_id,
    status,
    terminal: isFinalStatus(status),
    succeeded: status === "success",
  } as WorkflowExecution;
  if (headers != null) out.headers = headers;
  if (input != null) out.input = input;
  if (output != null) out.output = output;
  const begin = apiTime(body.begin_time);
  const end = apiTime(body.end_time);
  const updated = apiTime(body.last_update_time);
  if (begin !== undefined) out.beginTime = begin.iso;
  if (end !== undefined) out.endTime = end.iso;
  if (updated !== undefined) out.lastUpdateTime = updated.iso;
  if (begin !== undefined && end !== undefined && end.ms >= begin.ms) out.durationMs = end.ms - begin.ms;
  if (body.created_by) out.createdBy = body.created_by;
  out.nodes = (body.node_execution_details ?? []).map(toNode);
  out.failedNodes = out.nodes.filter(hasFailed);
  return out;
}

