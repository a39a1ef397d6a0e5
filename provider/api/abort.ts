/**
 * Cancellation plumbing: one AbortSignal per attempt that fires on the per-attempt timeout, the total
 * deadline or the caller's signal, and tells afterwards which of them fired.
 */
import { LightSignal, type SignalLike } from "./signal";
import { scheduleTimeout } from "./timers";

export type AbortCause = "timeout" | "deadline" | "aborted";

export interface AttemptSignal {
  signal: SignalLike;
  /** Which source fired, if any. */
  cause(): AbortCause | undefined;
  /** Stops listening (timer and caller); call when the attempt is over. */
  dispose(): void;
}

export function attemptSignal(timeoutMs: number, deadlineAt: number, caller: SignalLike | undefined): AttemptSignal {
  const signal = new LightSignal();
  let fired: AbortCause | undefined;
  const fire = (c: AbortCause) => {
    if (fired) return;
    fired = c;
    signal.abort();
  };
  const now = Date.now();
  const untilDeadline = Math.max(0, deadlineAt - now);
  const onTimer = untilDeadline <= timeoutMs ? () => fire("deadline") : () => fire("timeout");
  const cancelTimer = scheduleTimeout(now + Math.min(timeoutMs, untilDeadline), onTimer);
  const onAbort = () => fire("aborted");
  if (caller?.aborted) fire("aborted");
  else caller?.addEventListener("abort", onAbort, { once: true });
  return {
    signal,
    cause: () => fired,
    dispose() {
      cancelTimer();
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

/** Resolves after `ms`, or rejects with "aborted" as soon as the signal fires. */
export function sleep(ms: number, signal?: SignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted"));
    const onAbort = () => {
      clearTimeout(t);
      reject(new Error("aborted"));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
