/**
 * With `waitForCompletion`, a lookup that finds no run yet keeps listing until one appears (a CI job
 * that just triggered the workflow, or a run still being registered), on the same schedule and within the
 * same timeout as the wait for completion. Without a wait, the first empty scan is final.
 */
import type { Bound, ReadLimits } from "../gate/bounds";
import type { WaitPolicy } from "../gate/options";
import { pollLoop } from "../gate/pollLoop";
import { isTransientFailure } from "../gate/transient";
import type { LatestScan } from "./findLatest";

/** Cancellation, the call's time bound, clock and randomness (as for the execution wait), and a hook for log lines. */
export interface AwaitHooks {
  signal?: AbortSignal;
  bound?: Bound;
  random?: () => number;
  now?: () => number;
  /** Called after each scan that found nothing and before sleeping. */
  onEmpty?: (scan: LatestScan, elapsedMs: number) => void;
}

/**
 * Scans until a run is found or `wait.timeoutMs` passes; returns the last scan either way. Only failures
 * that can clear up by themselves are worth another scan: a body that fails validation or a server that
 * ignores `offset` will not, so (unlike the execution wait) those end the wait at once.
 */
export async function awaitLatest(
  scan: (limits: ReadLimits) => Promise<LatestScan>,
  wait: WaitPolicy,
  hooks: AwaitHooks = {},
): Promise<LatestScan> {
  const outcome = await pollLoop(scan, wait, {
    done(found, _reads, elapsedMs) {
      if (found.latest !== undefined) return true;
      hooks.onEmpty?.(found, elapsedMs);
      return false;
    },
    isTransient: isTransientFailure,
    waitingFor: "waiting for a run",
    signal: hooks.signal,
    bound: hooks.bound,
    random: hooks.random,
    now: hooks.now,
  });
  return outcome.value;
}
