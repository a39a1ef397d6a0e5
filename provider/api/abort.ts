/** Timers that a signal can cut short, or that fire one: the one sleep of the client's backoff and the
 * gate's polling, and the timer behind each call's deadline and attempt timeout. */

/** Node's timers overflow at 2^31 ms: settings are checked against it (config/duration), timers clamp to it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timer that keeps the process alive until it fires or is cleared, and aborts a signal when it fires. */
export function timerSignal(ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(Math.max(0, ms), MAX_TIMER_MS));
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it fires. The timer keeps the
 * process alive on purpose: a gate waiting between polls must not let Node exit before it has a verdict.
 * A plain global `setTimeout`, so tests can drive it on a virtual clock.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
