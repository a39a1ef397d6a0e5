/**
 * What the `WorkflowRun` provider does in the provider host (re-exported by runtime.ts, the host's entry
 * point). `create` starts one run and gates on it: a failed gate fails the create, so resources that
 * depend on the run are not touched. The engine never calls `create` during a preview (the dynamic host
 * declines previews), so a preview starts nothing. `read` (refresh) returns the recorded state and sends
 * nothing: refreshing must never start a run. `delete` leaves the run and its history alone.
 */
import type { CallContext } from "../context";
import type { WorkflowExecution } from "../model/types";
import type { RunWorkflowArgs } from "../run/args";
import { runWorkflow } from "../run/runWorkflow";
import { diffRun, pickRunInputs, toRunArgs, toRunState, type WorkflowRunState } from "./runState";
import { throwOnFailures, type InputFailure, UNKNOWN } from "./validate";
import { validateRunInputs } from "./validateRun";

/** `check(olds, news)`: the start and gate rules, on every value already known. */
export function checkRunForProvider(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: InputFailure[] } {
  return { inputs: news, failures: validateRunInputs(news, (v) => v !== UNKNOWN) };
}

/** `diff(id, olds, news)`: any changed input (triggers, input, workflow, options) replaces the run. */
export function diffRunForProvider(olds: Record<string, unknown>, news: Record<string, unknown>) {
  return diffRun(olds, news);
}

/**
 * `create(inputs)`: starts the run and gates on it (`runWorkflow`; canned runs under
 * `fgs-workflow-gate/testing`). The resource ID is the run's ID.
 *
 * @throws what `runWorkflow` throws; the message of a gate that failed is the gate's own.
 */
export async function createRunForProvider(
  props: Record<string, unknown>,
  context: CallContext,
  source: (args: RunWorkflowArgs) => Promise<WorkflowExecution> = (args) => runWorkflow(args, context),
): Promise<{ id: string; outs: WorkflowRunState }> {
  throwOnFailures(`invalid WorkflowRun inputs`, validateRunInputs(props));
  const inputs = pickRunInputs(props);
  const execution = await source(toRunArgs(inputs));
  return { id: execution.executionId, outs: toRunState(inputs, execution) };
}

/** `read(id, props)` (refresh): the recorded state, unchanged. Nothing is sent, nothing is started. */
export function readRunForProvider(id: string, props: Record<string, unknown> | undefined): { id: string; props: Record<string, unknown> } {
  return { id, props: props ?? {} };
}
