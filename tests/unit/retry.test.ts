/** The retry policy's pure parts. */
import { backoffDelayMs, DEFAULT_BACKOFF, isRetryableStatus, nextDelayMs, parseRetryAfter } from "../../provider/api/retry";

test("retryable statuses are exactly 408, 429, 500, 502, 503, 504", () => {
  const retryable = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus);
  expect(retryable).toEqual([408, 429, 500, 502, 503, 504]);
});

test("full jitter stays within the exponential ceiling and the cap", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
  expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
  expect(backoffDelayMs(3, policy, () => 0.999)).toBe(399);
  expect(backoffDelayMs(10, policy, () => 0.999)).toBe(999);
  expect(backoffDelayMs(4, policy, () => 0)).toBe(0);
});

test("Retry-After in seconds and as an HTTP date", () => {
  const now = Date.UTC(2024, 4, 6, 7, 8, 9);
  expect(parseRetryAfter("3", now)).toBe(3000);
  expect(parseRetryAfter("0.5", now)).toBe(500);
  expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
  expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  expect(parseRetryAfter("soon", now)).toBeUndefined();
  expect(parseRetryAfter("-1", now)).toBeUndefined();
  expect(parseRetryAfter(null, now)).toBeUndefined();
});

test("Retry-After is honoured (never less), capped, and spread by up to as much again", () => {
  expect(nextDelayMs(1, 2000, DEFAULT_BACKOFF, () => 0)).toBe(2000);
  expect(nextDelayMs(1, 2000, DEFAULT_BACKOFF, () => 0.5)).toBe(3000);
  expect(nextDelayMs(1, 3_600_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxRetryAfterMs);
  expect(nextDelayMs(1, 3_600_000, DEFAULT_BACKOFF, () => 0.999)).toBeLessThan(2 * DEFAULT_BACKOFF.maxRetryAfterMs);
  expect(nextDelayMs(2, undefined, DEFAULT_BACKOFF, () => 0.5)).toBe(250);
});
