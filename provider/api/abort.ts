/**
 * Cancellation plumbing: one AbortSignal per attempt that fires on the per-attempt timeout, the total
 * deadline or the caller's signal, and tells afterwards which of them fired.
 */
import { LightSignal, type SignalLike } from "./signal";
import { addTimeout, removeTimeout, type Timeout } from "./timers";

export type AbortCause = "timeout" | "deadline" | "aborted";

export interface AttemptSignal {
  signal: SignalLike;
  /** Which source fired, if any. */
  cause(): AbortCause | undefined;
  /** Stops listening (timer and caller); call when the attempt is over. */
  dispose(): void;
}

/**
 * The attempt's signal, its timeout entry and its cause in one object: an attempt allocates this and the
 * signal, and closures only when the caller passed a signal to listen to.
 */
class AttemptGuard implements AttemptSignal, Timeout {
  readonly signal = new LightSignal();
  readonly dueAt: number;
  private fired: AbortCause | undefined = undefined;
  /** Whether the timer stands for the total deadline (it comes before the attempt's own timeout). */
  private readonly forDeadline: boolean;
  private readonly caller: SignalLike | undefined;
  private readonly onAbort: (() => void) | undefined;

  constructor(timeoutMs: number, deadlineAt: number, caller: SignalLike | undefined) {
    const now = Date.now();
    const untilDeadline = Math.max(0, deadlineAt - now);
    this.forDeadline = untilDeadline <= timeoutMs;
    this.dueAt = now + Math.min(timeoutMs, untilDeadline);
    this.caller = caller;
    addTimeout(this);
    if (caller?.aborted) {
      this.onAbort = undefined;
      this.abortWith("aborted");
    } else {
      this.onAbort = caller === undefined ? undefined : () => this.abortWith("aborted");
      if (this.onAbort !== undefined) caller?.addEventListener("abort", this.onAbort, { once: true });
    }
  }

  /** The timer's callback (never throws: the signal reports a throwing listener on its own). */
  fire(): void {
    this.abortWith(this.forDeadline ? "deadline" : "timeout");
  }

  cause(): AbortCause | undefined {
    return this.fired;
  }

  dispose(): void {
    removeTimeout(this);
    if (this.onAbort !== undefined) this.caller?.removeEventListener("abort", this.onAbort);
  }

  private abortWith(cause: AbortCause): void {
    if (this.fired) return;
    this.fired = cause;
    this.signal.abort();
  }
}

export function attemptSignal(timeoutMs: number, deadlineAt: number, caller: SignalLike | undefined): AttemptSignal {
  return new AttemptGuard(timeoutMs, deadlineAt, caller);
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
