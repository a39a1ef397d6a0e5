/**
 * Turning a scenario execution into what is served, whatever its body source (structured, raw, rawText,
 * generated), for the execution endpoint and the list endpoint alike.
 */
import { buildExecutionBody, scenarioWorkflowUrn, truncateHistory } from "./bodies";
import type { NormalBody } from "./faults";
import { makeLargeExecution } from "./large";
import { viewAt } from "./run-view";
import type { ExecutionEntry, EmulatorState } from "./state";

/** Default for `Scenario.historyTruncateBytes`. */
export const DEFAULT_HISTORY_TRUNCATE_BYTES = 64;

/** Generated runs began this long before the time base (fresh, but clearly finished). */
const LARGE_BEGIN_OFFSET_MS = 40 * 60_000;

function bodyValue(entry: ExecutionEntry, state: EmulatorState, polls: number, nowMs: number): unknown {
  const { workflow, execution: e } = entry;
  if ("raw" in e) return e.raw;
  if (e.large) {
    const cached = state.cache.get(e.id);
    if (cached && cached.base === state.base) return cached.value;
    const value = makeLargeExecution({
      ...e.large,
      executionId: e.id,
      workflowId: workflow.id,
      workflowUrn: scenarioWorkflowUrn(state.scenario, workflow),
      beginTimeMs: state.base - LARGE_BEGIN_OFFSET_MS,
    });
    state.cache.set(e.id, { base: state.base, value });
    return value;
  }
  return buildExecutionBody(state.scenario, workflow, e.id, viewAt(entry, state, polls, nowMs), state.baseOf(entry));
}

/**
 * The 200 body of ShowWorkflowExecution as of `polls` earlier reads. `fullHistory` is the
 * `X-Get-Workflow-Full-History-Data: true` header; without it node data is truncated (raw bodies only when
 * they opt in with `truncateRawHistory`; `rawText` never).
 */
export function renderExecution(entry: ExecutionEntry, state: EmulatorState, polls: number, nowMs: number, fullHistory: boolean): NormalBody {
  const e = entry.execution;
  if (e.rawText !== undefined) return { reply: { status: 200, body: e.rawText } };
  let value = bodyValue(entry, state, polls, nowMs);
  const truncate = !fullHistory && (!("raw" in e) || e.truncateRawHistory === true);
  if (truncate) value = truncateHistory(value, state.scenario.historyTruncateBytes ?? DEFAULT_HISTORY_TRUNCATE_BYTES);
  // JSON.stringify(undefined) is undefined: a `raw: undefined` set in code is served as an empty body.
  return { reply: { status: 200, body: JSON.stringify(value) ?? "" }, value };
}

/** The fields the list API shows for one run. */
export const BRIEF_FIELDS = ["workflow_id", "workflow_urn", "execution_id", "status", "begin_time", "end_time", "last_update_time", "created_by"] as const;

/**
 * The run's list entry (only the brief fields, as present in its body), or undefined when its body is not
 * a JSON object (such a run never shows in lists).
 */
export function listEntry(entry: ExecutionEntry, state: EmulatorState, nowMs: number): Record<string, unknown> | undefined {
  const e = entry.execution;
  let value: unknown;
  if (e.rawText !== undefined) {
    try {
      value = JSON.parse(e.rawText);
    } catch {
      return undefined;
    }
  } else {
    value = bodyValue(entry, state, state.pollCount(e.id), nowMs);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of BRIEF_FIELDS) if (key in source) out[key] = source[key];
  return out;
}
