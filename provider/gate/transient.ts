/**
 * Which failures are worth another read while waiting: the one rule shared by the wait for a run to
 * finish (gate/wait.ts) and the wait for a run to appear (latest/awaitLatest.ts). It agrees with the
 * client's own retry rule (api/retry.ts `mayRetry`) for a read: a poll is a retry by other means.
 */
import { isFunctionGraphApiError, isTransportError } from "../errors";
import { isRetryableStatus, mayRetry } from "../api/retry";

/**
 * True for failures that can clear up by themselves: a network failure, an attempt timeout or a request
 * deadline, and the HTTP statuses the client itself retries (408, 429, 5xx), once its own retries are
 * spent. Once a status line has arrived, that status decides even if the body then failed: a 401, 403 or
 * 404 cut off mid-body is not polled again (five bad signatures lock the access key). Cancellation,
 * authorization, not found, a bad request and configuration errors are not transient.
 */
export function isTransientFailure(e: unknown): boolean {
  if (isTransportError(e)) {
    if (e.kind !== "network" && e.kind !== "timeout" && e.kind !== "deadline") return false;
    // `httpStatus`: the status line that arrived before the exchange failed, when one did.
    return e.httpStatus === undefined || mayRetry("GET", { status: e.httpStatus, failed: true });
  }
  return isFunctionGraphApiError(e) && isRetryableStatus(e.httpStatus);
}
