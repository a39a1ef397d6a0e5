/**
 * An independent reading of the response contract (functiongraph-api.md section 0 as this project
 * documents it), written without the library's schema or validator, so the fuzz tests can judge the
 * library rather than agree with it. `contractProblem` returns the first breach of the contract, or
 * undefined for a body the gate may decide on. It walks opaque values only to measure their depth (iteratively),
 * against the documented payload nesting limit.
 */
import type { WorkflowExecution } from "../../../provider/model/types";

export const STATUSES = ["success", "fail", "running", "timeout", "cancel", "scheduled", "retrying", "stopping", "recovered"];
export const FINAL = ["success", "fail", "timeout", "cancel"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const optObject = (v: unknown) => v === undefined || v === null || isObject(v);
const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)` on a real calendar day, or "". */
export function isApiTime(v: unknown): boolean {
  if (v === "") return true;
  if (typeof v !== "string" || v.length > 64) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** The documented nesting limit of opaque payloads (README: "Guarantees"); the payload itself is level 1. */
export const PAYLOAD_DEPTH_LIMIT = 128;

/** The documented nesting limit of a whole body (README: "Guarantees"). */
export const BODY_DEPTH_LIMIT = 160;

/** Depth of a JSON value without recursion (a scalar is 0, `{}` is 1), counted up to just past `limit`. */
function depthOf(v: unknown, limit = PAYLOAD_DEPTH_LIMIT): number {
  let max = 0;
  const todo: Array<[unknown, number]> = [[v, 1]];
  while (todo.length > 0) {
    const [x, d] = todo.pop() as [unknown, number];
    if (typeof x !== "object" || x === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const c of Array.isArray(x) ? x : Object.values(x)) todo.push([c, d + 1]);
  }
  return max;
}
const tooDeep = (v: unknown) => depthOf(v) > PAYLOAD_DEPTH_LIMIT;

const isEpochMillis = (v: unknown) => v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 8.64e15);

function nodeProblem(n: unknown, at: string): string | undefined {
  if (!isObject(n)) return `${at} is not an object`;
  for (const k of ["node_id", "node_name", "execution_id"]) if (typeof n[k] !== "string") return `${at}/${k} is not a string`;
  if (!has(n, "executions")) return `${at}/executions is missing`;
  if (n.executions === null) return undefined;
  if (!Array.isArray(n.executions)) return `${at}/executions is not an array`;
  for (let i = 0; i < n.executions.length; i++) {
    const x = n.executions[i] as unknown;
    const here = `${at}/executions/${i}`;
    if (!isObject(x)) return `${here} is not an object`;
    if (typeof x.status !== "string" || !STATUSES.includes(x.status)) return `${here}/status is not a status`;
    for (const k of ["input", "output", "error_message"]) if (!optObject(x[k])) return `${here}/${k} is not an object or null`;
    for (const k of ["input", "output", "error_message"]) if (tooDeep(x[k])) return `${here}/${k} nests too deeply`;
    if (!isEpochMillis(x.begin_time) || !isEpochMillis(x.end_time)) return `${here} has a bad time`;
    if (x.request_id !== undefined && typeof x.request_id !== "string") return `${here}/request_id is not a string`;
  }
  return undefined;
}

/** The first breach of the contract by `body` as the answer for `ids`, or undefined. */
export function contractProblem(body: unknown, ids: { workflowId: string; executionId: string }): string | undefined {
  if (!isObject(body)) return "the body is not an object";
  if (depthOf(body, BODY_DEPTH_LIMIT) > BODY_DEPTH_LIMIT) return "the body nests too deeply";
  if (body.workflow_id !== ids.workflowId) return "workflow_id is not the requested one";
  if (body.execution_id !== ids.executionId) return "execution_id is not the requested one";
  const urn = body.workflow_urn;
  if (typeof urn !== "string") return "workflow_urn is not a string";
  const parts = urn.split(":");
  if (parts.length !== 8 || parts.some((p) => p === "") || parts[0] !== "urn" || parts[1] !== "fss" || parts[4] !== "workflow") {
    return "workflow_urn is not a workflow URN";
  }
  if (typeof body.status !== "string" || !STATUSES.includes(body.status)) return "status is not one of the nine statuses";
  for (const k of ["headers", "input", "output"]) if (!optObject(body[k])) return `${k} is not an object or null`;
  for (const k of ["headers", "input", "output"]) if (tooDeep(body[k])) return `${k} nests too deeply`;
  for (const k of ["begin_time", "end_time", "last_update_time"]) if (body[k] !== undefined && !isApiTime(body[k])) return `${k} is not an API time`;
  if (body.created_by !== undefined && typeof body.created_by !== "string") return "created_by is not a string";
  const nodes = body.node_execution_details;
  if (nodes === undefined || nodes === null) return undefined;
  if (!Array.isArray(nodes)) return "node_execution_details is not an array";
  if (nodes.length > 200) return "more than 200 nodes";
  for (let i = 0; i < nodes.length; i++) {
    const p = nodeProblem(nodes[i], `/node_execution_details/${i}`);
    if (p) return p;
  }
  return undefined;
}

/** What a returned model must satisfy, given the body it came from (which met the contract). */
export function modelProblems(e: WorkflowExecution, body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const status = body.status as string;
  if (e.status !== status) out.push(`status ${e.status} is not the body's ${status}`);
  if (e.succeeded !== (status === "success")) out.push(`succeeded is ${e.succeeded} for status ${status}`);
  if (e.terminal !== FINAL.includes(status)) out.push(`terminal is ${e.terminal} for status ${status}`);
  const nodes = (body.node_execution_details as unknown[] | null | undefined) ?? [];
  if (e.nodes.length !== nodes.length) out.push("node count differs");
  for (const n of e.nodes) for (const x of n.executions) if (!STATUSES.includes(x.status)) out.push(`node status ${x.status}`);
  for (const f of e.failedNodes) if (!e.nodes.includes(f)) out.push("a failed node is not one of the nodes");
  for (const k of ["beginTime", "endTime", "lastUpdateTime"] as const) {
    const v = e[k];
    if (v !== undefined && !/^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v)) out.push(`${k} ${v} is not an ISO time`);
  }
  // Everything downstream (CLI --output json, Pulumi state) serializes the model.
  try {
    JSON.stringify(e);
  } catch (err) {
    out.push(`the model cannot be serialized: ${String(err)}`);
  }
  return out;
}
