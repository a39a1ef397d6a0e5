/**
 * The signed API client. One call is up to `maxRetries + 1` attempts (more only when the server says
 * when to come back), each signed afresh because the date goes stale, each bounded by its own timer and
 * by the call's deadline, throttled by a per-host concurrency cap. Whether an attempt may be repeated
 * follows the method and the status (./retry). A 200 body is parsed and validated (./response); anything
 * else becomes a typed error naming the method, path, status, error code and request ID, scrubbed.
 */
import { TransportError } from "../errors";
import { sleep, timerSignal } from "./abort";
import { type Attempt, runAttempt } from "./attempt";
import { type ApiCall, type ApiResult, type RequestPolicy } from "./call";
import { makeScrubber } from "./redact";
import { nextDelayMs } from "./retry";
import type { Credentials } from "./signer";
import { targetOf } from "./target";

export { type ApiCall, type ApiResult, DEFAULT_POLICY, type RequestPolicy } from "./call";

/** Attempts of one call at most, whatever the server asks: server-directed retries are not counted
 * against `maxRetries`, so this bounds them (the deadline bounds them too). */
const MAX_ATTEMPTS = 50;

/** Performs one API call with retries. */
export async function callApi(call: ApiCall, credentials: Credentials, policy: RequestPolicy): Promise<ApiResult> {
  const target = targetOf(call);
  const scrub = makeScrubber(credentials);
  const deadline = timerSignal(policy.deadlineMs);
  const deadlineAt = Date.now() + policy.deadlineMs;
  try {
    let counted = 0;
    for (let n = 1; ; n++) {
      const attempt: Attempt = await runAttempt({ call, target, credentials, policy, deadline: deadline.signal, scrub, n });
      if (attempt.result) return attempt.result;
      const error = attempt.error as Error;
      if (!attempt.retry) throw error;
      if (attempt.retryAfterMs === undefined) counted++;
      if (counted > policy.maxRetries || n >= MAX_ATTEMPTS) throw error;
      const delay = nextDelayMs(counted, attempt.retryAfterMs, policy.backoff, policy.random);
      if (Date.now() + delay >= deadlineAt) throw attempt.beyondDeadline?.(delay) ?? error;
      try {
        await sleep(delay, policy.signal);
      } catch {
        throw new TransportError("aborted", target.site, n, "cancelled by the caller");
      }
    }
  } finally {
    deadline.clear();
  }
}
