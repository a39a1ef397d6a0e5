/**
 * Reads an execution, and with a wait policy keeps polling while it is not final. Transient failures
 * (network, timeouts, 408/429/5xx after the read's own retries, a body that failed validation) are
 * tolerated up to a budget of consecutive errors; anything else (auth, not found, configuration) ends the
 * wait at once. The run's own outcome is never confused with these errors.
 */
import { isFunctionGraphApiError, isResponseValidationError, isTransportError } from "../errors";
import { isRetryableStatus } from "../api/retry";
import type { WorkflowExecution } from "../model/types";
import type { WaitPolicy } from "./options";
import { pollLoop } from "./pollLoop";

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
  const outcome = await pollLoop(read, wait, {
    done: (execution, polls, elapsedMs) => hooks.onRead(execution, polls, elapsedMs) === true || execution.terminal,
    isTransient: isTransientReadError,
    waitingFor: "waiting",
    signal: hooks.signal,
    random: hooks.random,
    now,
  });
  return { execution: outcome.value, polls: outcome.reads, waitedMs: now() - started };
}
