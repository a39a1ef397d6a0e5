/**
 * `runWorkflow`: start a run, then wait for it and gate on it with every option `getWorkflowExecution`
 * has. A wait that gives up (times out, or is cancelled through `signal`) stops the run it started.
 */
import { DEFAULT_POLICY } from "../api/client";
import { makeScrubber } from "../api/redact";
import { scrubbingErrors } from "../api/scrubError";
import { startExecution, startSyncExecution, terminateExecution, type WorkflowRef } from "../api/starts";
import { ConfigurationError, isTransportError } from "../errors";
import { executionReader } from "../getWorkflowExecution";
import { isWorkflowGateError } from "../gate/gateError";
import { runGate } from "../gate/run";
import { syncAnswerToExecution } from "../model/syncMap";
import type { WorkflowExecution } from "../model/types";
import { gateRun, type InternalContext, type PreparedCall, prepareCall } from "../prepare";
import type { RunWorkflowArgs } from "./args";
import { type CheckedStart, checkStart, startTarget } from "./start";

/** How long stopping a run may take once the wait has given up. */
const STOP_DEADLINE_MS = 15_000;

/**
 * Starts a run and gates on it. Without `waitForCompletion` it waits with the defaults: a run that was
 * just started is not final yet.
 *
 * @throws everything `startWorkflowExecution` and `getWorkflowExecution` throw; a WorkflowGateError or
 *   TransportError of a wait that gave up says whether the run was stopped.
 */
export async function runWorkflow(args: RunWorkflowArgs, context: InternalContext = {}): Promise<WorkflowExecution> {
  const start = checkStart(args, "runWorkflow");
  for (const flag of ["sync", "stopOnGiveUp", "fullHistory"] as const) {
    if (args[flag] !== undefined && typeof args[flag] !== "boolean") throw new ConfigurationError(`${flag} must be a boolean`, flag);
  }
  const gateArgs = { ...args, waitForCompletion: args.waitForCompletion ?? true };
  const call = prepareCall(gateArgs, context);
  return scrubbingErrors(startAndGate(args, gateArgs, call, context, start), makeScrubber(call.settings.credentials));
}

async function startAndGate(args: RunWorkflowArgs, gateArgs: RunWorkflowArgs, call: PreparedCall, context: InternalContext, start: CheckedStart): Promise<WorkflowExecution> {
  const target = await startTarget(call, start);
  const startedAt = new Date();
  const { credentials } = call.settings;

  if (args.sync === true) {
    const answer = await startSyncExecution(target, start.body, credentials, call.policy, startedAt);
    args.onStarted?.({ executionId: answer.execution_id, workflowId: target.workflowId });
    const execution = syncAnswerToExecution(answer, target.workflowId);
    // The answer is final: there is nothing to wait for.
    return runGate(async () => execution, gateRun(call, args, context, { ...call.gate, wait: undefined }));
  }

  const executionId = await startExecution(target, start.body, credentials, call.policy, startedAt);
  args.onStarted?.({ executionId, workflowId: target.workflowId });
  const read = executionReader(call, { workflowId: target.workflowId, executionId, fullHistory: args.fullHistory });
  const run = gateRun(call, gateArgs, context);
  return stoppingOnGiveUp(args, executionId, () => runGate(read, run), () => stopRun(call, target, executionId), call.gate.mode === "warn" ? (run.logger?.warn ?? run.warn) : undefined);
}

/**
 * `wait`, then what a gate does with a run it started and gave up on (unless `stopOnGiveUp` is false):
 * it calls `stop` and says so, in the error of a wait that timed out or was cancelled, and through
 * `warn` (warn mode) for a run that warn or report mode returned unfinished. The testing mocks
 * (provider/testing/source.ts) use it too, so a test sees the stop production makes.
 */
export async function stoppingOnGiveUp(
  args: Pick<RunWorkflowArgs, "stopOnGiveUp" | "signal">,
  executionId: string,
  wait: () => Promise<WorkflowExecution>,
  stop: () => Promise<string>,
  warn: ((message: string) => void) | undefined,
): Promise<WorkflowExecution> {
  try {
    const execution = await wait();
    // warn and report modes return a run the wait gave up on: it is stopped all the same.
    if (!execution.terminal && args.stopOnGiveUp !== false) {
      const note = await stop();
      warn?.(`The wait for run ${executionId} gave up before it ended. ${note}`);
    }
    return execution;
  } catch (e) {
    if (args.stopOnGiveUp === false || !gaveUp(e, args.signal)) throw e;
    const note = await stop();
    if (e instanceof Error) e.message = `${e.message}. ${note}`;
    throw e;
  }
}

/** The wait timed out, or the caller cancelled it: the two ways a gate gives up on a run. */
function gaveUp(e: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  if (isWorkflowGateError(e)) return e.code === "FGS_GATE_TIMEOUT";
  return isTransportError(e) && (e.kind === "deadline" || e.kind === "aborted");
}

/** What a gate says of a run it started and stopped. */
export function stoppedNote(executionId: string): string {
  return `The run ${executionId} this call started was stopped (terminated)`;
}

/** Terminates the run, with a deadline of its own (the caller's signal may have fired); says how it went. */
async function stopRun(call: PreparedCall, target: WorkflowRef, executionId: string): Promise<string> {
  const policy = { ...call.policy, signal: undefined, deadlineMs: STOP_DEADLINE_MS, attemptTimeoutMs: Math.min(call.policy.attemptTimeoutMs, DEFAULT_POLICY.attemptTimeoutMs) };
  try {
    await terminateExecution(target, executionId, call.settings.credentials, policy);
    return stoppedNote(executionId);
  } catch (e) {
    return `Stopping the run ${executionId} this call started failed (${e instanceof Error ? e.message : String(e)}): it may still be running`;
  }
}
