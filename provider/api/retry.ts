/**
 * Retry policy as pure functions: which outcomes are retried, how long to wait (full-jitter exponential
 * backoff, `Retry-After` honoured but capped). Every retry is a new, freshly signed attempt.
 */

/** Statuses worth another attempt. 501 is not (the method is simply not implemented), nor any 4xx but 408/429:
 * retrying 401 would burn the gateway's five-failures lockout of the access key. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Methods that may be sent twice: a second GET reads again, a second POST could start a second run. */
export function isIdempotent(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** What one attempt came to, as far as the retry decision needs to know. */
export interface AttemptOutcome {
  /** The HTTP status, once its status line arrived (even if the body then failed). */
  status?: number;
  /** A network failure or an attempt timeout, as opposed to a complete response. */
  failed: boolean;
  /** The request certainly never left this process (connection refused, unknown host). */
  notSent?: boolean;
}

/**
 * Whether another attempt is safe and useful. A request that may have reached the service is sent again
 * only if it is idempotent, and once a status line has arrived its status decides: a 401 whose body was
 * cut off is still a 401 (five bad signatures lock the access key). A throttled request (429) is the
 * gateway refusing it before the service saw it, so even a POST may go again.
 */
export function mayRetry(method: string, outcome: AttemptOutcome): boolean {
  if (outcome.notSent || outcome.status === 429) return true;
  if (!isIdempotent(method)) return false;
  if (outcome.status === undefined) return outcome.failed;
  // A 200 whose body was cut off is worth reading again; any other status stands as it came.
  if (outcome.failed && outcome.status === 200) return true;
  return isRetryableStatus(outcome.status);
}

export interface BackoffPolicy {
  /** Base of the exponential backoff. */
  baseDelayMs: number;
  /** Cap of one backoff delay. */
  maxDelayMs: number;
  /** Cap applied to a server's Retry-After. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

/** Full jitter: uniform in [0, min(cap, base * 2^(retry-1))]. `retry` is 1 for the first retry. */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before the next attempt. With a server's Retry-After: at least that long (capped), plus up to
 * as much again at random, so that callers throttled together do not all come back in the same instant
 * and collide again. Otherwise the jittered exponential backoff.
 */
export function nextDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) {
    const base = Math.min(retryAfterMs, policy.maxRetryAfterMs);
    return Math.round(base * (1 + random()));
  }
  return backoffDelayMs(retry, policy, random);
}
