/**
 * A process-wide cap on concurrent requests per endpoint host, so that a burst of reads (many resources
 * in one program, a CI matrix) queues locally instead of tripping the gateway's throttling (APIGW.0308).
 */
import type { SignalLike } from "./signal";

export const DEFAULT_MAX_CONCURRENCY = 8;

export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(public limit: number) {}

  /** Takes a slot at once if one is free (no promise, no timer: the common case); undefined otherwise. */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.limit || this.queue.length > 0) return undefined;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.queue.shift()?.();
    };
  }

  /** Waits for a slot; rejects if the signal fires first (the slot is then not taken). */
  acquire(signal?: SignalLike): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.active++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.active--;
          this.queue.shift()?.();
        });
      };
      const onAbort = () => {
        const i = this.queue.indexOf(grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(new Error("aborted"));
      };
      if (signal?.aborted) return reject(new Error("aborted"));
      if (this.active < this.limit) return grant();
      this.queue.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
}

const semaphores = new Map<string, Limiter>();

/** The shared semaphore of a host; `limit` (when given) updates it for later acquisitions. */
export function limiterFor(host: string, limit?: number): Limiter {
  let s = semaphores.get(host);
  if (!s) {
    s = new Limiter(limit ?? DEFAULT_MAX_CONCURRENCY);
    semaphores.set(host, s);
  } else if (limit !== undefined) {
    s.limit = limit;
  }
  return s;
}
