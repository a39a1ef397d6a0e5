/**
 * The one polling loop: read, stop when the caller says the value is final, otherwise sleep on the wait
 * schedule until the timeout. Transient failures are tolerated up to a budget of consecutive errors;
 * anything else ends the loop at once, and cancellation is always immediate. Used by the execution wait
 * (gate/wait.ts) and by the wait for a run to appear (latest/awaitLatest.ts), which differ only in what is
 * final and which errors are transient.
 *
 * The timeout is a hard bound: no read starts after it, and a read still in flight then is given
 * READ_GRACE_MS more and then abandoned (its request is aborted through the signal it was given). The loop
 * then ends as timed out with the last value read, so the verdict is a timeout failure, never a pass.
 */
import { TransportError } from "../errors";
import { sleep } from "../api/abort";
import { type Bound, READ_GRACE_MS, type ReadLimits, settleBy, startBound } from "./bounds";
import type { WaitPolicy } from "./options";
import { pollDelayMs } from "./schedule";

export interface LoopHooks<T> {
  /** True when `value` ends the loop (`reads` counts successful reads so far). */
  done(value: T, reads: number, elapsedMs: number): boolean;
  /** Errors worth another read. */
  isTransient(error: unknown): boolean;
  /** Names what was being waited for in the cancellation and timeout errors. */
  waitingFor: string;
  signal?: AbortSignal;
  /**
   * A hard bound shared with the caller's other steps (a lookup before the wait): when given, it replaces
   * the loop's own (timeout + READ_GRACE_MS from the loop's start) and the caller disposes of it.
   */
  bound?: Bound;
  random?: () => number;
  now?: () => number;
}

export interface LoopOutcome<T> {
  /** The last value read (final, or the last one before the timeout). */
  value: T;
  /** Successful reads. */
  reads: number;
  /** Reads attempted, failed ones included. */
  attempts: number;
  elapsedMs: number;
  /** True when the loop ended because its time ran out (including a read cut short by it). */
  timedOut: boolean;
}

export async function pollLoop<T>(
  read: (limits: ReadLimits) => Promise<T>,
  wait: WaitPolicy,
  hooks: LoopHooks<T>,
): Promise<LoopOutcome<T>> {
  const now = hooks.now ?? Date.now;
  const started = now();
  const bound = hooks.bound ?? startBound(wait.timeoutMs + READ_GRACE_MS, hooks.signal, now);
  const site = { method: "GET", path: `(${hooks.waitingFor})` };
  let reads = 0;
  let errors = 0;
  let lastError: unknown;
  let last: { value: T } | undefined;
  let attempts = 0;
  let timedOut = false;
  try {
    for (let k = 0; ; k++) {
      attempts++;
      try {
        const value = await settleBy(read(bound.limits()), bound.signal);
        reads++;
        errors = 0;
        last = { value };
        if (hooks.done(value, reads, now() - started)) break;
      } catch (e) {
        if (bound.cancelled()) throw cancelled(site, attempts, e);
        if (bound.expired()) {
          timedOut = true;
          break;
        }
        lastError = e;
        if (!hooks.isTransient(e) || ++errors > wait.maxConsecutiveErrors) throw e;
      }
      const remaining = started + wait.timeoutMs - now();
      if (remaining <= 0) {
        timedOut = true;
        break;
      }
      try {
        await sleep(Math.min(pollDelayMs(k, wait, hooks.random), remaining), bound.signal);
      } catch (e) {
        if (bound.cancelled()) throw cancelled(site, attempts, e);
        timedOut = true; // a bound shared with the caller ran out
        break;
      }
    }
  } finally {
    if (bound !== hooks.bound) bound.dispose();
  }
  if (!last) throw nothingRead(site, attempts, wait, lastError);
  return { value: last.value, reads, attempts, elapsedMs: now() - started, timedOut };
}

function cancelled(site: { method: string; path: string }, attempts: number, cause: unknown): TransportError {
  return new TransportError("aborted", site, attempts, "cancelled by the caller while waiting", { cause });
}

/** No read succeeded: the last (transient) error seen, or else the timeout that cut the reads short. */
function nothingRead(site: { method: string; path: string }, attempts: number, wait: WaitPolicy, lastError: unknown): unknown {
  if (lastError !== undefined) return lastError;
  return new TransportError(
    "deadline",
    site,
    attempts,
    `no read completed within the wait's timeout of ${wait.timeoutMs / 1000} s (a read in flight is cut ${READ_GRACE_MS / 1000} s after it)`,
  );
}
