/**
 * Maps a validated ShowWorkflowExecution body to the typed `WorkflowExecution`. One pass over the nodes;
 * opaque objects (headers, input, output, error_message) are kept by reference, never copied, so the cost
 * stays small next to JSON.parse even for 200 nodes × 200 executions. Absent optional properties are
 * omitted rather than set to undefined, so the result serialises cleanly.
 */
import type { ExecutionBody, NodeExecutionBody, NodeExecutionDetailBody } from "./bodies";
import { renderErrorMessage } from "./errorText";
import { isoOfApiTime, millisToIso, utcTimeToMillis } from "./time";
import { FAILED_NODE_STATUSES, isFinalStatus } from "./types";
import type { JsonObject, NodeExecution, NodeExecutionDetail, WorkflowExecution } from "./types";
import { parseWorkflowUrn } from "./urn";

function isEmptyObject(o: JsonObject): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * One node execution. Epoch 0 (or nothing) means "not set"; a negative duration is not reported.
 * The two shapes almost every execution has are returned as complete object literals: V8 then allocates
 * each object once at its final size instead of growing it property by property, which cut ~60 bytes of
 * garbage per execution (2.4 MB on a 200×200 body) and with it a share of the GC pauses after JSON.parse.
 */
function toNodeExecution(e: NodeExecutionBody): NodeExecution {
  const { status, input, output, request_id: requestId } = e;
  const begin = e.begin_time ?? 0;
  const end = e.end_time ?? 0;
  const beginTime = begin > 0 ? millisToIso(begin) : undefined;
  // Instant steps often end in the millisecond they began: share the string rather than build it twice.
  const endTime = end <= 0 ? undefined : end === begin ? beginTime : millisToIso(end);
  const em = e.error_message;
  const errorMessage = em != null && !isEmptyObject(em) ? em : undefined;
  const error = errorMessage === undefined ? undefined : renderErrorMessage(errorMessage);
  if (input != null && output != null && beginTime !== undefined && endTime !== undefined && end >= begin && requestId) {
    const durationMs = end - begin;
    if (errorMessage === undefined) return { status, input, output, beginTime, endTime, durationMs, requestId };
    if (error !== undefined) return { status, input, output, beginTime, endTime, durationMs, errorMessage, error, requestId };
  }
  const x: NodeExecution = { status };
  if (input != null) x.input = input;
  if (output != null) x.output = output;
  if (beginTime !== undefined) x.beginTime = beginTime;
  if (endTime !== undefined) x.endTime = endTime;
  if (beginTime !== undefined && endTime !== undefined && end >= begin) x.durationMs = end - begin;
  if (errorMessage !== undefined) x.errorMessage = errorMessage;
  if (error !== undefined) x.error = error;
  if (requestId) x.requestId = requestId;
  return x;
}

/**
 * One node, and whether it counts as failed: its latest execution (greatest begin_time, a missing time
 * counting as 0, ties going to the later array element) ended fail, timeout or cancel.
 */
function toNode(d: NodeExecutionDetailBody, consume: boolean): { node: NodeExecutionDetail; failed: boolean } {
  const src = d.executions ?? [];
  // Consuming, the raw array becomes the model's (each raw execution is replaced by its mapping, which
  // spares a 40,000-entry copy on the largest body); otherwise a new array, sized up front.
  const executions = consume ? (src as unknown as NodeExecution[]) : new Array<NodeExecution>(src.length);
  let latest = -1;
  let latestBegin = -1;
  for (let i = 0; i < src.length; i++) {
    const e = src[i] as NodeExecutionBody;
    const begin = e.begin_time ?? 0;
    if (begin >= latestBegin) {
      latestBegin = begin;
      latest = i;
    }
    executions[i] = toNodeExecution(e);
  }
  // The mapped execution carries the raw status unchanged.
  const failed = latest >= 0 && FAILED_NODE_STATUSES.includes((executions[latest] as NodeExecution).status);
  return { node: { nodeId: d.node_id, nodeName: d.node_name, executionId: d.execution_id, executions }, failed };
}

/**
 * Turns a body that passed `validateBody("execution", ...)` into a `WorkflowExecution`. `succeeded` is
 * true only for status `success`; `terminal` follows `isFinalStatus`. Throws a TypeError only when the
 * body was not validated (unparseable URN or time), never returns a half-understood model.
 */
export function toWorkflowExecution(body: ExecutionBody): WorkflowExecution {
  return mapExecution(body, false);
}

/**
 * `toWorkflowExecution` for a body nobody else holds (one just parsed from a response): each raw node
 * detail is dropped from the body as soon as it is mapped, so the garbage collector can reclaim the raw
 * node executions while the rest are still being mapped instead of after (on the largest body this lowers
 * the peak of a read by several MB). The body is left without its node details.
 */
export function consumeIntoWorkflowExecution(body: ExecutionBody): WorkflowExecution {
  return mapExecution(body, true);
}

function mapExecution(body: ExecutionBody, consume: boolean): WorkflowExecution {
  const urn = parseWorkflowUrn(body.workflow_urn);
  if (!urn) throw new TypeError("workflow_urn is not a workflow URN; validate the body first");
  const status = body.status;
  const { headers, input, output } = body;
  const begin = utcTimeToMillis(body.begin_time);
  const end = utcTimeToMillis(body.end_time);
  const updated = utcTimeToMillis(body.last_update_time);
  const beginTime = begin === undefined ? undefined : isoOfApiTime(body.begin_time as string, begin);
  const endTime = end === undefined ? undefined : isoOfApiTime(body.end_time as string, end);
  const lastUpdateTime = updated === undefined ? undefined : isoOfApiTime(body.last_update_time as string, updated);
  const durationMs = begin !== undefined && end !== undefined && end >= begin ? end - begin : undefined;
  const createdBy = body.created_by || undefined;
  const nodes: NodeExecutionDetail[] = [];
  const failedNodes: NodeExecutionDetail[] = [];
  // Built in the interface's property order so JSON output reads naturally. A finished run has every
  // optional field: one literal, allocated at its final shape. Otherwise fields are added only when present.
  const { workflow_id: workflowId, workflow_urn: workflowUrn, execution_id: executionId } = body;
  const terminal = isFinalStatus(status);
  const succeeded = status === "success";
  let out: WorkflowExecution;
  if (headers != null && input != null && output != null && beginTime !== undefined && endTime !== undefined && lastUpdateTime !== undefined && durationMs !== undefined && createdBy !== undefined) {
    out = { workflowId, workflowUrn, urn, executionId, status, terminal, succeeded, headers, input, output, beginTime, endTime, lastUpdateTime, durationMs, createdBy, nodes, failedNodes };
  } else {
    out = { workflowId, workflowUrn, urn, executionId, status, terminal, succeeded } as WorkflowExecution;
    if (headers != null) out.headers = headers;
    if (input != null) out.input = input;
    if (output != null) out.output = output;
    if (beginTime !== undefined) out.beginTime = beginTime;
    if (endTime !== undefined) out.endTime = endTime;
    if (lastUpdateTime !== undefined) out.lastUpdateTime = lastUpdateTime;
    if (durationMs !== undefined) out.durationMs = durationMs;
    if (createdBy !== undefined) out.createdBy = createdBy;
    out.nodes = nodes;
    out.failedNodes = failedNodes;
  }
  const details: Array<NodeExecutionDetailBody | undefined> = body.node_execution_details ?? [];
  for (let i = 0; i < details.length; i++) {
    const { node, failed } = toNode(details[i] as NodeExecutionDetailBody, consume);
    if (consume) details[i] = undefined;
    nodes.push(node);
    if (failed) failedNodes.push(node);
  }
  if (consume) body.node_execution_details = [];
  return out;
}
