/** Waiting that a signal can cut short: the one sleep of the client's backoff and the gate's polling. */

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
