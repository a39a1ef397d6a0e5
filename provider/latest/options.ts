/**
 * Checks and normalizes the lookup-specific arguments (which workflow, status filter, time window) before
 * any request, so a typo costs no API call. Gate, connection and request options are checked by the same
 * functions `getWorkflowExecution` uses.
 */
import { parseInstant } from "../config/instant";
import { ConfigurationError } from "../errors";
import { checkWorkflowId } from "../config/ids";
import { CLOCK_SKEW_ALLOWANCE_MS } from "../gate/freshness";
import { LIST_STATUSES, type GetLatestWorkflowExecutionArgs, type ListStatus } from "./args";
import { workflowChoiceProblem } from "./workflowChoice";

/** The API's default window, made explicit. */
export const DEFAULT_WINDOW_MS = 3 * 86_400_000;

/** The lookup arguments, checked. */
export interface LatestQuery {
  /** Exactly one of workflowId and workflowName is set. */
  workflowId?: string;
  workflowName?: string;
  status?: ListStatus;
  /** As given; undefined means the default (see `windowAt`). */
  sinceMs?: number;
  untilMs?: number;
  fullHistory?: boolean;
}

/**
 * The window to scan at `nowMs`. By default `until` reaches past this machine's clock by the clock-skew
 * allowance, so a run that just began on a service whose clock is ahead is not missed. Defaults are
 * recomputed on every scan so that a long wait for a run to appear keeps looking at the present.
 */
export function windowAt(q: LatestQuery, nowMs: number): { sinceMs: number; untilMs: number } {
  const untilMs = q.untilMs ?? nowMs + CLOCK_SKEW_ALLOWANCE_MS;
  return { sinceMs: q.sinceMs ?? untilMs - DEFAULT_WINDOW_MS, untilMs };
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function checkWorkflowName(value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new ConfigurationError("workflowName must be a non-empty string", "workflowName");
  }
  if (value.length > 256 || CONTROL.test(value) || value !== value.trim()) {
    throw new ConfigurationError(
      "workflowName must be at most 256 characters, without control characters or leading/trailing white space",
      "workflowName",
    );
  }
  return value;
}

/** Validates the lookup arguments; `nowMs` anchors the default window for the since/until check. */
export function normalizeLatestQuery(args: GetLatestWorkflowExecutionArgs, nowMs: number): LatestQuery {
  const hasId = args.workflowId !== undefined;
  const problem = workflowChoiceProblem(hasId, args.workflowName !== undefined);
  if (problem !== undefined) throw new ConfigurationError(problem.message, problem.setting);
  if (args.status !== undefined && !(LIST_STATUSES as readonly unknown[]).includes(args.status)) {
    throw new ConfigurationError(
      `status ${JSON.stringify(args.status)} is not one the list API filters on (${LIST_STATUSES.join(", ")})`,
      "status",
    );
  }
  if (args.fullHistory !== undefined && typeof args.fullHistory !== "boolean") {
    throw new ConfigurationError("fullHistory must be a boolean", "fullHistory");
  }
  const query: LatestQuery = {
    sinceMs: parseInstant(args.since, "since"),
    untilMs: parseInstant(args.until, "until"),
    status: args.status,
    fullHistory: args.fullHistory,
  };
  const { sinceMs, untilMs } = windowAt(query, nowMs);
  if (sinceMs > untilMs) {
    throw new ConfigurationError(
      `since (${new Date(sinceMs).toISOString()}) is after until (${new Date(untilMs).toISOString()})`,
      "since",
    );
  }
  if (hasId) query.workflowId = checkWorkflowId(args.workflowId);
  else query.workflowName = checkWorkflowName(args.workflowName);
  return query;
}

/**
 * A list-API query time. The list APIs document `YYYY-MM-DD hh:mm:ss` (UTC, whole seconds); `round`
 * says which way to round so the sent window always contains the asked one (the exact bounds are applied
 * again to the results).
 */
export function queryTime(ms: number, round: "down" | "up"): string {
  const s = round === "down" ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  return new Date(s * 1000).toISOString().slice(0, 19).replace("T", " ");
}
