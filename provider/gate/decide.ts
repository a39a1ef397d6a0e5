/**
 * The pass/fail decision, a pure function of the execution, the policy and the time. It fails closed: a
 * run that is not final never passes a status requirement, and a run without a begin time never passes a
 * freshness check.
 */
import type { WorkflowExecution } from "../model/types";
import { failedNodesText, nodeProgress, runLabel } from "./describe";
import { type GateErrorCode, GateErrorCodes } from "./gateError";
import type { GatePolicy } from "./options";

/** `0.4 s`, `12 s`: one decimal below ten seconds, so short waits do not read as "0 s". */
function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export type Verdict = { pass: true } | { pass: false; code: GateErrorCode; message: string };

/** Freshness only: decidable from the first read, since a run's begin time does not change. */
export function checkFreshness(e: WorkflowExecution, policy: GatePolicy, nowMs: number): Verdict {
  if (policy.notBeforeMs === undefined && policy.maxAgeMs === undefined) return { pass: true };
  const label = runLabel(e);
  if (e.beginTime === undefined) {
    return { pass: false, code: GateErrorCodes.stale, message: `${label} has no begin time, so its freshness cannot be checked` };
  }
  const began = Date.parse(e.beginTime);
  if (policy.notBeforeMs !== undefined && began < policy.notBeforeMs) {
    return {
      pass: false,
      code: GateErrorCodes.stale,
      message: `${label} began at ${e.beginTime}, before the required earliest start ${new Date(policy.notBeforeMs).toISOString()}: an older run cannot open this gate`,
    };
  }
  if (policy.maxAgeMs !== undefined && nowMs - began > policy.maxAgeMs) {
    return {
      pass: false,
      code: GateErrorCodes.stale,
      message: `${label} began at ${e.beginTime}, ${seconds(nowMs - began)} ago, more than the maximum age of ${seconds(policy.maxAgeMs)}`,
    };
  }
  return { pass: true };
}

/** The full verdict once reading (and waiting) is over. `waitedMs` is undefined when no wait was asked. */
export function decide(e: WorkflowExecution, policy: GatePolicy, nowMs: number, waitedMs: number | undefined): Verdict {
  const fresh = checkFreshness(e, policy, nowMs);
  if (!fresh.pass) return fresh;
  // A wait that ends on a run still going has not done what was asked, requirement or not.
  const waitedInVain = waitedMs !== undefined && !e.terminal;
  if (policy.require === undefined && !waitedInVain) return { pass: true };
  const label = runLabel(e);
  if (!e.terminal) {
    const { finished, total } = nodeProgress(e);
    const why =
      waitedMs === undefined
        ? "and no wait was requested (set waitForCompletion)"
        : `after waiting ${seconds(waitedMs)}`;
    return {
      pass: false,
      code: GateErrorCodes.timeout,
      message: `${label} is still ${e.status} ${why} (${finished} of ${total} nodes finished): a run that has not finished does not pass`,
    };
  }
  if (policy.require === undefined || policy.require.has(e.status)) return { pass: true };
  const nodes = failedNodesText(e);
  const expected = [...policy.require].join(", ");
  return {
    pass: false,
    code: GateErrorCodes.rejected,
    message: `${label} ended ${e.status}${nodes ? `: ${nodes}` : ""} (required: ${expected})`,
  };
}
