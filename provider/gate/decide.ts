/**
 * The pass/fail decision, a pure function of the execution, the policy and the time. It fails closed: a
 * run that is not final never passes a status requirement, and a run without a begin time never passes a
 * freshness check.
 */
import type { WorkflowExecution } from "../model/types";
import { failedNodesText, nodeProgress, runLabel } from "./describe";
import { type GateErrorCode, GateErrorCodes } from "./gateError";
import type { GatePolicy } from "./options";

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
      message: `${label} began at ${e.beginTime}, before the required ${new Date(policy.notBeforeMs).toISOString()} (notBefore): an older run cannot open this gate`,
    };
  }
  if (policy.maxAgeMs !== undefined && nowMs - began > policy.maxAgeMs) {
    return {
      pass: false,
      code: GateErrorCodes.stale,
      message: `${label} began at ${e.beginTime}, ${Math.round((nowMs - began) / 1000)} s ago, more than maxAgeSeconds ${policy.maxAgeMs / 1000}`,
    };
  }
  return { pass: true };
}

/** The full verdict once reading (and waiting) is over. `waitedMs` is undefined when no wait was asked. */
export function decide(e: WorkflowExecution, policy: GatePolicy, nowMs: number, waitedMs: number | undefined): Verdict {
  const fresh = checkFreshness(e, policy, nowMs);
  if (!fresh.pass) return fresh;
  if (policy.require === undefined) return { pass: true };
  const label = runLabel(e);
  if (!e.terminal) {
    const { finished, total } = nodeProgress(e);
    const why =
      waitedMs === undefined
        ? "and no wait was requested (set waitForCompletion)"
        : `after waiting ${Math.round(waitedMs / 1000)} s`;
    return {
      pass: false,
      code: GateErrorCodes.timeout,
      message: `${label} is still ${e.status} ${why} (${finished} of ${total} nodes finished): a run that has not finished does not pass`,
    };
  }
  if (policy.require.has(e.status)) return { pass: true };
  const nodes = failedNodesText(e);
  const expected = [...policy.require].join(", ");
  return {
    pass: false,
    code: GateErrorCodes.rejected,
    message: `${label} ended ${e.status}${nodes ? `: ${nodes}` : ""} (required: ${expected})`,
  };
}
