/**
 * Cancellation plumbing: one AbortSignal per attempt that fires on the per-attempt timeout, the total
 * deadline or the caller's signal, and tells afterwards which of them fired.
 */
export type AbortCause = "timeout" | "deadline" | "aborted";

export interface AttemptSignal {
  signal: AbortSignal;
  /** Which source fired, if any. */
  cause(): AbortCause | undefined;
  /** Stops the timers; call when the attempt is over. */
  dispose(): void;
}

export function attemptSignal(timeoutMs: number, deadlineAt: number, caller: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let fired: AbortCause | undefined;
  const fire = (c: AbortCause) => {
    if (fired) return;
    fired = c;
    controller.abort();
  };
  const untilDeadline = Math.max(0, deadlineAt - Date.now());
  const timer = setTimeout(() => fire(untilDeadline <= timeoutMs ? "deadline" : "timeout"), Math.min(timeoutMs, untilDeadline));
  const onAbort = () => fire("aborted");
  if (caller?.aborted) fire("aborted");
  else caller?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    cause: () => fired,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

/** Resolves after `ms`, or rejects with "aborted" as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
