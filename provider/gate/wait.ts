/**
 * Reads an execution, and with a wait policy keeps polling while it is not final. Transient failures
 * (see ./transient) and a body that failed validation (a proxy's garbled answer may be followed by a good
 * one) are tolerated up to a budget of consecutive errors; anything else (auth, not found, configuration)
 * ends the wait at once. The run's own outcome is never confused with these errors.
 */
import { isResponseValidationError } from "../errors";
import type { WorkflowExecution } from "../model/types";
import type { Bound, ReadLimits } from "./bounds";
import type { WaitPolicy } from "./options";
import { pollLoop } from "./pollLoop";
import { isTransientFailure } from "./transient";

/** One read of the execution. Under a wait it gets `limits`: pass their signal and time left to the request. */
export type ExecutionRead = (limits?: ReadLimits) => Promise<WorkflowExecution>;

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
  /** A hard bound shared with the caller's other steps (see pollLoop). */
  bound?: Bound;
  random?: () => number;
  now?: () => number;
}

function isTransientReadError(e: unknown): boolean {
  return isTransientFailure(e) || isResponseValidationError(e);
}

export async function poll(read: ExecutionRead, wait: WaitPolicy | undefined, hooks: PollHooks): Promise<PollOutcome> {
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
    bound: hooks.bound,
    random: hooks.random,
    now,
  });
  return { execution: outcome.value, polls: outcome.reads, waitedMs: now() - started };
}
