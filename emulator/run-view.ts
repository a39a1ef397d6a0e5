/**
 * The state of a structured run at one moment, terminations included: a terminated run stays as it was
 * when the terminate request arrived, except that it is `cancel`led, ends at that moment, and its nodes
 * that were still going are cancelled too.
 */
import { currentView, type ExecutionView } from "./progress";
import { FINAL_STATUSES, type EmulatorStatus, type ScenarioNode } from "./scenario";
import type { ExecutionEntry, EmulatorState, Termination } from "./state";

function isFinal(status: EmulatorStatus): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

function cancelNodes(nodes: ScenarioNode[], atMs: number): ScenarioNode[] {
  return nodes.map((node) => ({
    ...node,
    executions: node.executions.map((x) => (isFinal(x.status) ? x : { ...x, status: "cancel" as const, endTime: atMs })),
  }));
}

/** The view of a terminated run. */
export function cancelledView(view: ExecutionView, stop: Termination): ExecutionView {
  const at = new Date(stop.atMs).toISOString();
  return { ...view, status: "cancel", endTime: at, lastUpdateTime: at, nodes: cancelNodes(view.nodes, stop.atMs) };
}

/** The run as a read at `nowMs` sees it, after `polls` earlier polls. */
export function viewAt(entry: ExecutionEntry, state: EmulatorState, polls: number, nowMs: number): ExecutionView {
  const base = state.baseOf(entry);
  const stop = state.termination(entry.execution.id);
  if (!stop) return currentView(entry.execution, { polls, elapsedMs: nowMs - base });
  return cancelledView(currentView(entry.execution, { polls: stop.polls, elapsedMs: stop.atMs - base }), stop);
}

/** Whether a run with this status has ended (a terminate request can no longer stop it). */
export function hasEnded(status: EmulatorStatus): boolean {
  return isFinal(status);
}
