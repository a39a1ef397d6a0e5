/**
 * Reads an execution, and with a wait policy keeps polling while it is not final. Transient failures
 * (network, timeouts, 408/429/5xx after the read's own retries, a body that failed validation) are
 * tolerated up to a budget of consecutive errors; anything else (auth, not found, configuration) ends the
 * wait at once. The run's own outcome is never confused with these errors.
 */
import { sleep } from "../api/abort";
import { isFunctionGraphApiError, isResponseValidationError, isTransportError, TransportError } from "../api/errors";
import { isRetryableStatus } from "../api/retry";
import type { WorkflowExecution } from "../model/types";
import type { WaitPolicy } from "./options";
import { pollDelayMs } from "./schedule";

export interface PollOutcome {
  execution: WorkflowExecution;
  polls: number;
  /** How long the wait lasted; undefined when no wait was asked. */
  waitedMs?: number;
}

export interface PollHooks {
  /** Called after every successful read. Return true to stop waiting now (e.g. a stale run). */
  onRead(execution: WorkflowExecution, polls: number, elapsedMs: number): boolean | void;
  signal?: AbortSignal;
  random?: () => number;
  now?: () => number;
}

/** Errors worth polling again for. */
export function isTransientReadError(e: unknown): boolean {
  if (isTransportError(e)) return e.kind === "network" || e.kind === "timeout" || e.kind === "deadline";
  if (isFunctionGraphApiError(e)) return isRetryableStatus(e.httpStatus);
  return isResponseValidationError(e);
}

export async function poll(
  read: () => Promise<WorkflowExecution>,
  wait: WaitPolicy | undefined,
  hooks: PollHooks,
): Promise<PollOutcome> {
  const now = hooks.now ?? Date.now;
  const started = now();
  if (!wait) {
    const execution = await read();
    hooks.onRead(execution, 1, now() - started);
    return { execution, polls: 1 };
  }
  const endAt = started + wait.timeoutMs;
  let polls = 0;
  let errors = 0;
  let last: WorkflowExecution | undefined;
  let lastError: unknown;
  for (let k = 0; ; k++) {
    try {
      const execution = await read();
      polls++;
      errors = 0;
      last = execution;
      if (hooks.onRead(execution, polls, now() - started) || execution.terminal) break;
    } catch (e) {
      if (isTransportError(e) && e.kind === "aborted") throw e;
      errors++;
      lastError = e;
      if (!isTransientReadError(e) || errors > wait.maxConsecutiveErrors) throw e;
    }
    const remaining = endAt - now();
    if (remaining <= 0) break;
    try {
      await sleep(Math.min(pollDelayMs(k, wait, hooks.random), remaining), hooks.signal);
    } catch {
      throw new TransportError("aborted", { method: "GET", path: "(waiting)" }, polls, "cancelled by the caller while waiting");
    }
  }
  // Only transient errors were seen until the wait ran out: report the last of them.
  if (!last) throw lastError;
  return { execution: last, polls, waitedMs: now() - started };
}
