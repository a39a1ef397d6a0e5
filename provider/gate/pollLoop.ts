/**
 * The one polling loop: read, stop when the caller says the value is final, otherwise sleep on the wait
 * schedule until the timeout. Transient failures are tolerated up to a budget of consecutive errors;
 * anything else ends the loop at once, and cancellation is always immediate. Used by the execution wait
 * (gate/wait.ts) and by the wait for a run to appear (latest/awaitLatest.ts), which differ only in what is
 * final and which errors are transient.
 */
import { sleep } from "../api/abort";
import { isTransportError, TransportError } from "../errors";
import type { WaitPolicy } from "./options";
import { pollDelayMs } from "./schedule";

export interface LoopHooks<T> {
  /** True when `value` ends the loop (`reads` counts successful reads so far). */
  done(value: T, reads: number, elapsedMs: number): boolean;
  /** Errors worth another read. */
  isTransient(error: unknown): boolean;
  /** Names what was being waited for in the cancellation error. */
  waitingFor: string;
  signal?: AbortSignal;
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
}

export async function pollLoop<T>(read: () => Promise<T>, wait: WaitPolicy, hooks: LoopHooks<T>): Promise<LoopOutcome<T>> {
  const now = hooks.now ?? Date.now;
  const started = now();
  let reads = 0;
  let errors = 0;
  let lastError: unknown;
  let last: { value: T } | undefined;
  let attempts = 0;
  for (let k = 0; ; k++) {
    attempts++;
    try {
      const value = await read();
      reads++;
      errors = 0;
      last = { value };
      if (hooks.done(value, reads, now() - started)) break;
    } catch (e) {
      if (isTransportError(e) && e.kind === "aborted") throw e;
      lastError = e;
      if (!hooks.isTransient(e) || ++errors > wait.maxConsecutiveErrors) throw e;
    }
    const remaining = started + wait.timeoutMs - now();
    if (remaining <= 0) break;
    try {
      await sleep(Math.min(pollDelayMs(k, wait, hooks.random), remaining), hooks.signal);
    } catch {
      throw new TransportError("aborted", { method: "GET", path: `(${hooks.waitingFor})` }, attempts, "cancelled by the caller while waiting");
    }
  }
  // Only transient errors were seen until the wait ran out: report the last of them.
  if (!last) throw lastError;
  return { value: last.value, reads, attempts, elapsedMs: now() - started };
}
