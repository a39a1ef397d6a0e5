/**
 * The gate: read (and wait), report progress, decide, then enforce, warn or report.
 */
import type { ProgressEvent } from "../args";
import type { GateLogger } from "../context";
import type { WorkflowExecution } from "../model/types";
import { decide } from "./decide";
import { checkFreshness } from "./freshness";
import { nodeProgress, runLabel } from "./describe";
import { WorkflowGateError } from "./gateError";
import type { Bound } from "./bounds";
import type { GatePolicy } from "./options";
import { type ExecutionRead, poll } from "./wait";

export interface GateRun {
  policy: GatePolicy;
  onProgress?: (event: ProgressEvent) => void;
  /** Receives progress lines (status changes) and warn-mode warnings; none when undefined. */
  logger?: GateLogger;
  /** Where warn-mode warnings go when no logger is given. */
  warn: (message: string) => void;
  signal?: AbortSignal;
  /** A hard bound shared with the caller's other steps (see pollLoop); the caller disposes of it. */
  bound?: Bound;
  random?: () => number;
  now?: () => number;
  /** Applied to gate messages and progress lines (names come from the service): removes credentials. */
  scrub?: (text: string) => string;
}

/** Nothing to wait for, check or report: the gate has nothing to do with the read. */
export function isPlainRead(policy: GatePolicy, onProgress: GateRun["onProgress"]): boolean {
  return !policy.decides && policy.wait === undefined && onProgress === undefined;
}

/**
 * Reads (and waits), decides and enforces. Under a wait, `read` is given the wait's limits (a signal and
 * the time left): a read that passes them to its request is cut when the wait ends. A plain read is the
 * read itself, with no polling machinery.
 */
export function runGate(read: ExecutionRead, run: GateRun): Promise<WorkflowExecution> {
  if (isPlainRead(run.policy, run.onProgress)) return read();
  return gate(read, run);
}

async function gate(read: ExecutionRead, run: GateRun): Promise<WorkflowExecution> {
  const now = run.now ?? Date.now;
  const { policy } = run;
  const scrub = run.scrub ?? ((text: string) => text);
  let lastKey = "";
  const outcome = await poll(read, policy.wait, {
    signal: run.signal,
    bound: run.bound,
    random: run.random,
    now,
    onRead(execution, polls, elapsedMs) {
      // Counting finished nodes walks every node execution: only when someone will see the result.
      const reporting = run.onProgress !== undefined || (policy.wait !== undefined && run.logger !== undefined);
      if (reporting) reportProgress(execution, polls, elapsedMs);
      // A stale run stays stale: stop waiting for it at once.
      return !checkFreshness(execution, policy, now()).pass;
    },
  });
  if (!policy.decides) return outcome.execution;
  const verdict = decide(outcome.execution, policy, now(), outcome.waitedMs);
  if (verdict.pass) return outcome.execution;
  const message = scrub(verdict.message);
  if (policy.mode === "enforce") throw new WorkflowGateError(verdict.code, message, outcome.execution, verdict.results);
  if (policy.mode === "warn") (run.logger?.warn ?? run.warn)(`${verdict.code}: ${message}`);
  return outcome.execution;

  /** Progress callback and log line, on the first read and whenever the status or finished count changes. */
  function reportProgress(execution: WorkflowExecution, polls: number, elapsedMs: number): void {
    const { finished, total } = nodeProgress(execution);
    const key = `${execution.status}/${finished}`;
    if (key === lastKey) return;
    lastKey = key;
    run.onProgress?.({ elapsedMs, polls, status: execution.status, nodesFinished: finished, nodesTotal: total, execution });
    if (policy.wait) {
      run.logger?.info(
        scrub(`${runLabel(execution)}: ${execution.status} after ${Math.round(elapsedMs / 1000)} s (${finished} of ${total} nodes finished)`),
      );
    }
  }
}
