/**
 * Which failures are worth another read while waiting: the one rule shared by the wait for a run to
 * finish (gate/wait.ts) and the wait for a run to appear (latest/awaitLatest.ts).
 */
import { isFunctionGraphApiError, isTransportError } from "../errors";
import { isRetryableStatus } from "../api/retry";

/**
 * True for failures that can clear up by themselves: a network failure, an attempt timeout or a request
 * deadline, and the HTTP statuses the client itself retries (408, 429, 5xx), once its own retries are
 * spent. Cancellation, authorization, not found, a bad request and configuration errors are not.
 */
export function isTransientFailure(e: unknown): boolean {
  if (isTransportError(e)) return e.kind === "network" || e.kind === "timeout" || e.kind === "deadline";
  return isFunctionGraphApiError(e) && isRetryableStatus(e.httpStatus);
}
