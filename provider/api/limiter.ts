/**
 * A process-wide cap on concurrent requests per endpoint host, so that a burst of reads (many resources
 * in one program, a CI matrix) queues locally instead of tripping the gateway's throttling (APIGW.0308).
 */

export const DEFAULT_MAX_CONCURRENCY = 8;

type Release = () => void;

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(public limit: number) {}

  /** Waits for a slot; rejects if `signal` fires first (no slot is then taken). Release exactly once. */
  acquire(signal?: AbortSignal): Promise<Release> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.active++;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason ?? new Error("aborted"));
      };
      if (signal?.aborted) return onAbort();
      if (this.active < this.limit && this.waiting.length === 0) return grant();
      this.waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      if (this.active < this.limit) this.waiting.shift()?.();
    };
  }
}

const limiters = new Map<string, Limiter>();

/** The shared limiter of a host; `limit` (when given) updates it for later acquisitions. */
export function limiterFor(host: string, limit?: number): Limiter {
  let l = limiters.get(host);
  if (!l) {
    l = new Limiter(limit ?? DEFAULT_MAX_CONCURRENCY);
    limiters.set(host, l);
  } else if (limit !== undefined) {
    l.limit = limit;
  }
  return l;
}
