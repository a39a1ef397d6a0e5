/**
 * With `waitForCompletion`, a lookup that finds no run yet keeps listing until one appears (a CI job
 * that just triggered the workflow, or a run still being registered), on the same schedule and within the
 * same timeout as the wait for completion. Without a wait, the first empty scan is final.
 */
import { isFunctionGraphApiError, isTransportError } from "../errors";
import { isRetryableStatus } from "../api/retry";
import type { WaitPolicy } from "../gate/options";
import { pollLoop } from "../gate/pollLoop";
import type { LatestScan } from "./findLatest";

/** Cancellation, clock and randomness (as for the execution wait), and a hook for log lines. */
export interface AwaitHooks {
  signal?: AbortSignal;
  random?: () => number;
  now?: () => number;
  /** Called after each scan that found nothing and before sleeping. */
  onEmpty?: (scan: LatestScan, elapsedMs: number) => void;
}

/** The last scan, and what the wait cost. */
export interface AwaitOutcome {
  scan: LatestScan;
  /** Time spent before the scan that found a run (or until the timeout). */
  waitedMs: number;
  /** Scans made. */
  scans: number;
}

/**
 * Only failures that can clear up by themselves are worth another scan. A body that fails validation or
 * a server that ignores `offset` will not, so (unlike the execution wait) those end the wait at once.
 */
function isTransientListError(e: unknown): boolean {
  if (isTransportError(e)) return e.kind === "network" || e.kind === "timeout" || e.kind === "deadline";
  return isFunctionGraphApiError(e) && isRetryableStatus(e.httpStatus);
}

/** Scans until a run is found or `wait.timeoutMs` passes; returns the last scan either way. */
export async function awaitLatest(scan: () => Promise<LatestScan>, wait: WaitPolicy, hooks: AwaitHooks = {}): Promise<AwaitOutcome> {
  const outcome = await pollLoop(scan, wait, {
    done(found, _reads, elapsedMs) {
      if (found.latest !== undefined) return true;
      hooks.onEmpty?.(found, elapsedMs);
      return false;
    },
    isTransient: isTransientListError,
    waitingFor: "waiting for a run",
    signal: hooks.signal,
    random: hooks.random,
    now: hooks.now,
  });
  return { scan: outcome.value, waitedMs: outcome.elapsedMs, scans: outcome.attempts };
}
