/**
 * A token bucket per access key, on the emulator clock, so tests can exhaust it and refill it by moving
 * time. Over the limit the gateway answers 429 APIGW.0308 with a Retry-After.
 */

/** Bucket settings: `burst` requests at once, refilled at `ratePerSecond`. */
export interface ThrottleOptions {
  ratePerSecond: number;
  burst: number;
}

/** The outcome of taking one token. */
export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets keyed by access key. */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly options: ThrottleOptions,
    private readonly now: () => number,
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError("throttle needs ratePerSecond > 0 and burst >= 1");
    }
  }

  /** Takes a token for `key`, or says how many whole seconds until one is available (at least 1). */
  take(key: string): ThrottleResult {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAt: t };
    const refill = (Math.max(0, t - bucket.updatedAt) / 1000) * this.options.ratePerSecond;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + refill);
    bucket.updatedAt = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const waitSeconds = (1 - bucket.tokens) / this.options.ratePerSecond;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  /** Forgets every bucket (all full again). */
  reset(): void {
    this.buckets.clear();
  }
}
