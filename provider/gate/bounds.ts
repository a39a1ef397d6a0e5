/**
 * Hard time bounds for a wait (and a lookup before it): every read made under a bound gets a signal and
 * the time it has left, and is abandoned when either runs out, whatever the transport does. Plain standard mechanisms: an
 * AbortController fired by a timer, combined with the caller's signal through `AbortSignal.any`.
 */
import type { RequestPolicy } from "../api/client";
import { MAX_TIMER_MS } from "../config/duration";
import { type RequestSite, TransportError } from "../errors";

/**
 * A read in flight when the wait's time is up gets this much longer to finish, then is cut. It keeps a
 * wait of 0 s meaning "read once" on a normal network, while the whole call still ends within about a
 * second of its timeout.
 */
export const READ_GRACE_MS = 1000;

/** What bounds one read: pass both to the request. */
export interface ReadLimits {
  /** Fires when the wait is over or the caller cancels. */
  signal: AbortSignal;
  /** Milliseconds the read has left, at its start. */
  deadlineMs: number;
}

/** The request policy of a read under `limits`: their signal, and the earlier of the two deadlines. */
export function limitPolicy(policy: RequestPolicy, limits: ReadLimits | undefined): RequestPolicy {
  if (limits === undefined) return policy;
  return { ...policy, signal: limits.signal, deadlineMs: Math.max(0, Math.min(policy.deadlineMs, limits.deadlineMs)) };
}

/** A timer that fires a signal after `ms`, combined with the caller's signal. Dispose of it when done. */
export interface Bound {
  /** The bound's length, for messages. */
  ms: number;
  /** Fires at the bound or when the caller cancels. */
  signal: AbortSignal;
  /** True once the bound's own time has run out (not the caller's cancellation). */
  expired(): boolean;
  /** The caller cancelled. */
  cancelled(): boolean;
  /** Limits for a read starting now. */
  limits(): ReadLimits;
  dispose(): void;
}

/** Starts a bound of `ms` from now. The timer keeps the process alive until the bound is disposed of. */
export function startBound(ms: number, caller?: AbortSignal, now: () => number = Date.now): Bound {
  const endsAt = now() + ms;
  const own = new AbortController();
  // Node's timers take at most 2^31 - 1 ms; a longer bound would fire at once.
  const timer = setTimeout(() => own.abort(new Error(`time bound of ${ms} ms reached`)), Math.min(ms, MAX_TIMER_MS));
  const signal = caller === undefined ? own.signal : AbortSignal.any([caller, own.signal]);
  return {
    ms,
    signal,
    expired: () => own.signal.aborted,
    cancelled: () => caller?.aborted === true,
    limits: () => ({ signal, deadlineMs: Math.max(0, endsAt - now()) }),
    dispose: () => clearTimeout(timer),
  };
}

/**
 * `work`, or a rejection with the signal's reason as soon as the signal fires: the caller is not kept
 * waiting on a read that ignores its signal. (A late rejection of `work` is then ignored.)
 */
export function settleBy<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * `work` run under `bound`: given its limits, and abandoned when the bound ends (a TransportError of kind
 * `deadline` naming `site`) or the caller cancels (kind `aborted`).
 */
export async function within<T>(bound: Bound, site: RequestSite, work: (limits: ReadLimits) => Promise<T>): Promise<T> {
  try {
    return await settleBy(work(bound.limits()), bound.signal);
  } catch (e) {
    if (bound.cancelled()) throw new TransportError("aborted", site, 1, "cancelled by the caller", { cause: e });
    if (bound.expired()) throw new TransportError("deadline", site, 1, `not done within the call's time bound of ${bound.ms / 1000} s`, { cause: e });
    throw e;
  }
}
