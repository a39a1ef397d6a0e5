/**
 * ListWorkflowExecutions: `GET /v2/{project_id}/fgs/workflows/{workflow_id}/executions`
 * `?limit=&offset=&status=&start_time=&end_time=` → `{executions:[brief...]}` (no total, as documented).
 *
 * - `limit`: 1..200, default 200; anything else is 400 (the API documents 200 as the maximum).
 * - `offset`: >= 0, default 0.
 * - `status`: one of the emulator's statuses.
 * - `start_time`/`end_time`: `yyyy-MM-ddTHH:mm:ssZ` or `yyyy-MM-dd HH:mm:ss` (UTC), filtering `begin_time`
 *   inclusively; default window: `end_time` = now, `start_time` = end_time − 3 days.
 * - Order: by SHA-256 of the execution id, i.e. deterministic but unrelated to time, so that clients cannot
 *   rely on newest-first.
 */
import { createHash } from "node:crypto";
import { badQuery, resolveWorkflow, single, type RequestContext } from "./context";
import { isVisible } from "./progress";
import { listEntry } from "./render";
import { jsonReply, type Reply } from "./respond";
import { EMULATOR_STATUSES } from "./scenario";
import { parseApiTime, parseQueryTime } from "./time";

/** Largest (and default) `limit`. */
export const EXECUTIONS_MAX_LIMIT = 200;
/** Width of the default `start_time`..`end_time` window. */
export const DEFAULT_WINDOW_MS = 3 * 86_400_000;

/** The order the list API returns runs in: a fixed shuffle keyed by execution id. */
export function listOrderKey(executionId: string): string {
  return createHash("sha256").update(executionId).digest("hex");
}

function integerParam(ctx: RequestContext, key: string, fallback: number, min: number, max: number): number | Reply {
  const raw = single(ctx.query, key);
  if (raw === null) return badQuery(ctx, `${key} must be given once`);
  if (raw === undefined) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) return badQuery(ctx, `${key} must be an integer in ${min}..${max}`);
  return n;
}

function timeParam(ctx: RequestContext, key: string): number | undefined | Reply {
  const raw = single(ctx.query, key);
  if (raw === null) return badQuery(ctx, `${key} must be given once`);
  if (raw === undefined) return undefined;
  return parseQueryTime(raw) ?? badQuery(ctx, `${key} must be yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-dd HH:mm:ss (UTC)`);
}

/** Answers one ListWorkflowExecutions request. */
export function listExecutions(ctx: RequestContext): Reply {
  const resolved = resolveWorkflow(ctx);
  if ("reply" in resolved) return resolved.reply;
  const workflow = resolved.workflow!;
  const limit = integerParam(ctx, "limit", EXECUTIONS_MAX_LIMIT, 1, EXECUTIONS_MAX_LIMIT);
  if (typeof limit !== "number") return limit;
  const offset = integerParam(ctx, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
  if (typeof offset !== "number") return offset;
  const status = single(ctx.query, "status");
  if (status === null || (status !== undefined && !(EMULATOR_STATUSES as readonly string[]).includes(status))) {
    return badQuery(ctx, `status must be one of ${EMULATOR_STATUSES.join(", ")}`);
  }
  const start = timeParam(ctx, "start_time");
  if (typeof start === "object") return start;
  const end = timeParam(ctx, "end_time");
  if (typeof end === "object") return end;
  const windowEnd = end ?? ctx.nowMs;
  const windowStart = start ?? windowEnd - DEFAULT_WINDOW_MS;
  if (windowStart > windowEnd) return badQuery(ctx, "start_time must not be after end_time");

  const { state } = ctx;
  // Visibility is judged with the calls made *before* this one: "appears after 2 list calls" = in the third.
  const calls = state.listCallCount(workflow.id);
  state.countListCall(workflow.id);
  const matches = state
    .entriesOf(workflow)
    .filter((entry) => isVisible(entry.execution, calls, ctx.nowMs - state.baseOf(entry)))
    .map((entry) => listEntry(entry, state, ctx.nowMs))
    .filter((b): b is Record<string, unknown> => {
      if (!b) return false;
      const begin = parseApiTime(b.begin_time);
      if (begin === undefined || begin < windowStart || begin > windowEnd) return false;
      return status === undefined || b.status === status;
    })
    .sort((a, b) => (listOrderKey(String(a.execution_id)) < listOrderKey(String(b.execution_id)) ? -1 : 1));
  return jsonReply(200, { executions: matches.slice(offset, offset + limit) });
}
