/**
 * The gate's verdict and the result of each required node and condition, as outputs of the Pulumi
 * resources and Output functions. Results carry names, outcomes and reasons, never a payload value
 * (unless `exposePayloads`). No Pulumi import: the provider host uses it too.
 */
import type { GateArgs } from "../args";
import type { ConditionResult, Outcome } from "../conditionArgs";
import { decide } from "../gate/decide";
import { GateErrorCodes } from "../gate/gateError";
import { normalizeGate } from "../gate/options";
import type { WorkflowExecution } from "../model/types";

/** The verdict outputs. */
export interface GateVerdictOutputs {
  /** `pass`, `fail` or `inconclusive` (inconclusive never passes). */
  verdict: Outcome;
  /** One entry per required node and condition: name, outcome, passed, reason. Empty without any. */
  conditionResults: ConditionResult[];
}

/** Output-only keys of every gate resource. */
export const VERDICT_OUTPUT_KEYS = ["verdict", "conditionResults"] as const satisfies readonly (keyof GateVerdictOutputs)[];

/**
 * The verdict on a run the gate has returned. In `enforce` mode a run is only returned when it passed, so
 * the verdict is `pass`; in `warn` and `report` modes it is decided here again, by the gate's own rule.
 * A gate that was asked to wait decided as one that waited: a run it returned unfinished timed out
 * (decide only asks whether there was a wait; how long goes into a message not used here).
 */
export function gateVerdict(execution: WorkflowExecution, gateArgs: GateArgs, nowMs: number = Date.now()): GateVerdictOutputs {
  const policy = normalizeGate(gateArgs);
  const decided = decide(execution, policy, nowMs, policy.wait === undefined ? undefined : 0);
  const conditionResults = decided.results ?? [];
  if (decided.pass || policy.mode === "enforce") return { verdict: "pass", conditionResults };
  return { verdict: decided.code === GateErrorCodes.inconclusive ? "inconclusive" : "fail", conditionResults };
}
