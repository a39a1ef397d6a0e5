/**
 * How a run changes over time: progress stages (after N polls or T seconds) and delayed appearance.
 * Pure functions of the execution's definition and its counters, so the same state is shown by the
 * execution endpoint and the list endpoint.
 */
import type { EmulatorStatus, ScenarioExecution, ScenarioNode, ScenarioStage } from "./scenario";

/** The state of a structured run at one moment: the scenario's body fields, with status and nodes settled. */
export type ExecutionView = Pick<
  ScenarioExecution,
  "beginTime" | "endTime" | "lastUpdateTime" | "createdBy" | "headers" | "input" | "output"
> & { status: EmulatorStatus; nodes: ScenarioNode[] };

/** Counters that drive progress, measured since the emulator started (or was reset). */
export interface ProgressClock {
  /** Complete 200 reads of this execution answered before the current one. */
  polls: number;
  /** Milliseconds since the time base. */
  elapsedMs: number;
}

function stageActive(stage: ScenarioStage, clock: ProgressClock): boolean {
  if (stage.afterPolls !== undefined) return clock.polls >= stage.afterPolls;
  return clock.elapsedMs >= (stage.afterSeconds as number) * 1000;
}

/** Replaces nodes by id and appends new ones, keeping the original order for the rest. */
function mergeNodes(current: ScenarioNode[], updates: ScenarioNode[]): ScenarioNode[] {
  const out = [...current];
  for (const node of updates) {
    const i = out.findIndex((n) => n.id === node.id);
    if (i >= 0) out[i] = node;
    else out.push(node);
  }
  return out;
}

/** The run as it looks now: the base definition with every active stage applied in order. */
export function currentView(exec: ScenarioExecution, clock: ProgressClock): ExecutionView {
  let view: ExecutionView = {
    status: exec.status as EmulatorStatus,
    beginTime: exec.beginTime,
    endTime: exec.endTime,
    lastUpdateTime: exec.lastUpdateTime,
    createdBy: exec.createdBy,
    headers: exec.headers,
    input: exec.input,
    output: exec.output,
    nodes: exec.nodes ?? [],
  };
  for (const stage of exec.progress ?? []) {
    // Stages are cumulative: a later stage only makes sense once the earlier ones are in effect.
    if (!stageActive(stage, clock)) break;
    view = {
      ...view,
      status: stage.status ?? view.status,
      endTime: stage.endTime ?? view.endTime,
      lastUpdateTime: stage.lastUpdateTime ?? view.lastUpdateTime,
      output: stage.output ?? view.output,
      nodes: stage.nodes ? mergeNodes(view.nodes, stage.nodes) : view.nodes,
    };
  }
  return view;
}

/** Whether a run has "appeared" yet (hidden runs answer 404 and are absent from lists). */
export function isVisible(exec: ScenarioExecution, listCalls: number, elapsedMs: number): boolean {
  if (exec.appearAfterListCalls !== undefined && listCalls < exec.appearAfterListCalls) return false;
  if (exec.appearAfterSeconds !== undefined && elapsedMs < exec.appearAfterSeconds * 1000) return false;
  return true;
}
