/**
 * The gate on a canned run: the package's own gate (`runGate`, with the options normalized by
 * `normalizeGate`) reads the canned states instead of the service. Waiting runs on a virtual clock: each
 * read moves it on by the wait's longest poll interval, and the sleeps between reads take no real time,
 * so a run that never ends times out as it would in production, at once.
 */
import type { GateArgs } from "../args";
import type { GateLogger } from "../context";
import { normalizeGate } from "../gate/options";
import { runGate } from "../gate/run";
import type { WorkflowExecution } from "../model/types";

/** One canned run, or its states in order (each read returns the next one; the last one repeats). */
export type CannedRun = WorkflowExecution | readonly WorkflowExecution[];

/** The states of a canned run, in order. */
export function statesOf(run: CannedRun): readonly WorkflowExecution[] {
  return Array.isArray(run) ? run : [run as WorkflowExecution];
}

/** A read of the canned states, one after the other. */
function reader(run: CannedRun, onRead: () => void): () => Promise<WorkflowExecution> {
  const states = statesOf(run);
  if (states.length === 0) throw new Error("a canned run needs at least one state");
  let next = 0;
  return async () => {
    onRead();
    const state = states[Math.min(next, states.length - 1)] as WorkflowExecution;
    next += 1;
    return structuredClone(state);
  };
}

/**
 * Gates on a canned run exactly as `getWorkflowExecution` gates on a read one.
 *
 * @throws ConfigurationError for bad gate options, WorkflowGateError (mode `enforce`) when the run fails the gate.
 */
export function gateOnCanned(run: CannedRun, gateArgs: GateArgs, logger: GateLogger): Promise<WorkflowExecution> {
  const policy = normalizeGate(gateArgs);
  const wait = policy.wait;
  const tick = wait === undefined ? 0 : Math.max(wait.maxIntervalMs, 1000);
  const startedAt = Date.now();
  let elapsedMs = 0;
  let readsSoFar = 0;
  const read = reader(run, () => {
    // The first read happens at once; every later one after a (virtual) poll interval.
    if (readsSoFar++ > 0) elapsedMs += tick;
  });
  const instant = wait === undefined ? policy : { ...policy, wait: { ...wait, minIntervalMs: 0, maxIntervalMs: 0 } };
  return runGate(read, { policy: instant, logger: wait ? logger : undefined, warn: logger.warn, now: () => startedAt + elapsedMs });
}
