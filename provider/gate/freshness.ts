/**
 * Freshness: is this run recent enough to open the gate? Decidable from the first read, since a run's
 * begin time does not change. Fails closed: a run without a usable begin time, or one that claims to
 * have begun in the future, never passes a freshness check.
 */
import type { WorkflowExecution } from "../model/types";
import { runLabel } from "./describe";
import { GateErrorCodes } from "./gateError";
import type { GatePolicy } from "./options";
import { type Verdict, seconds } from "./verdict";

/**
 * How far the service's clock may be ahead of this machine's: the API gateway refuses signatures more
 * than 15 minutes off, so a larger difference cannot come from clock skew. A begin time further in the
 * future than this is not believed.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 15 * 60_000;

function stale(message: string): Verdict {
  return { pass: false, code: GateErrorCodes.stale, message };
}

/** The freshness verdict at `nowMs`; a pass when the policy asks for no freshness check. */
export function checkFreshness(e: WorkflowExecution, policy: GatePolicy, nowMs: number): Verdict {
  if (policy.notBeforeMs === undefined && policy.maxAgeMs === undefined) return { pass: true };
  const label = runLabel(e);
  const began = e.beginTime === undefined ? NaN : Date.parse(e.beginTime);
  if (!Number.isFinite(began)) return stale(`${label} has no begin time, so its freshness cannot be checked`);
  if (began > nowMs + CLOCK_SKEW_ALLOWANCE_MS) {
    return stale(
      `${label} began at ${e.beginTime}, ${seconds(began - nowMs)} in the future by this machine's clock, ` +
        `beyond the ${CLOCK_SKEW_ALLOWANCE_MS / 60_000}-minute clock-skew allowance: a begin time in the future cannot show that a run is fresh`,
    );
  }
  if (policy.notBeforeMs !== undefined && began < policy.notBeforeMs) {
    return stale(
      `${label} began at ${e.beginTime}, before the required earliest start ${new Date(policy.notBeforeMs).toISOString()}: an older run cannot open this gate`,
    );
  }
  if (policy.maxAgeMs !== undefined && nowMs - began > policy.maxAgeMs) {
    return stale(`${label} began at ${e.beginTime}, ${seconds(nowMs - began)} ago, more than the maximum age of ${seconds(policy.maxAgeMs)}`);
  }
  return { pass: true };
}
