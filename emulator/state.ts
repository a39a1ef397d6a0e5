/**
 * The emulator's mutable state: lookups into the (immutable) scenario and the runs started through the
 * API, the per-execution attempt and poll counters, the per-workflow list-call counters, terminations, and
 * the time base that relative times and timed progress are measured from. `reset()` puts all of it back
 * to "just started".
 */
import type { StartedRun } from "./run-types";
import type { Scenario, ScenarioExecution, ScenarioWorkflow } from "./scenario";

/** An execution together with its workflow; `startedAt` is set for runs started through the API. */
export interface ExecutionEntry {
  workflow: ScenarioWorkflow;
  execution: ScenarioExecution;
  startedAt?: number;
}

/** A terminate request that stopped a run: the run is frozen as it was at that moment, then cancelled. */
export interface Termination {
  atMs: number;
  /** Polls answered before the terminate request, so progress stops where the run was. */
  polls: number;
}

/** Counters and lookups of one running emulator. */
export class EmulatorState {
  /** Emulator-clock time (ms) of start or of the last reset. */
  base: number;
  /** Every accepted start, in arrival order. */
  readonly runs: StartedRun[] = [];
  private readonly workflows = new Map<string, ScenarioWorkflow>();
  private readonly executions = new Map<string, ExecutionEntry>();
  private readonly started = new Map<string, ExecutionEntry[]>();
  private readonly attempts = new Map<string, number>();
  private readonly polls = new Map<string, number>();
  private readonly listCalls = new Map<string, number>();
  private readonly startAttempts = new Map<string, number>();
  private readonly terminations = new Map<string, Termination>();
  /** Generated bodies, keyed by execution id, valid for one time base. */
  readonly cache = new Map<string, { base: number; value: unknown }>();

  constructor(
    readonly scenario: Scenario,
    now: number,
  ) {
    this.base = now;
    for (const w of scenario.workflows) {
      this.workflows.set(w.id, w);
      for (const e of w.executions) this.executions.set(e.id, { workflow: w, execution: e });
    }
  }

  /** The scenario's account id, or a fixed derived one. */
  get domainId(): string {
    return this.scenario.domainId ?? `emulatordomain${this.scenario.projectId}`.slice(0, 32);
  }

  workflow(id: string): ScenarioWorkflow | undefined {
    return this.workflows.get(id);
  }

  /** The execution with this id, only if it belongs to `workflowId`. */
  execution(workflowId: string, executionId: string): ExecutionEntry | undefined {
    const entry = this.executions.get(executionId);
    return entry && entry.workflow.id === workflowId ? entry : undefined;
  }

  /** The scenario's runs of a workflow followed by the persisted runs started through the API. */
  entriesOf(workflow: ScenarioWorkflow): ExecutionEntry[] {
    return [...workflow.executions.map((execution) => ({ workflow, execution })), ...(this.started.get(workflow.id) ?? [])];
  }

  /** What relative times of this run are measured from: its start, or the emulator's time base. */
  baseOf(entry: ExecutionEntry): number {
    return entry.startedAt ?? this.base;
  }

  /** Records a start; a persisted run also becomes readable and listed. */
  addRun(run: StartedRun, entry?: ExecutionEntry): void {
    this.runs.push(run);
    if (!entry) return;
    this.executions.set(run.executionId, entry);
    const list = this.started.get(entry.workflow.id) ?? [];
    list.push(entry);
    this.started.set(entry.workflow.id, list);
  }

  /** Counts one more start that chose `template` and returns its 1-based number. */
  nextStartAttempt(template: string): number {
    return this.bump(this.startAttempts, template);
  }

  /** Counts one more request to the execution and returns its 1-based attempt number. */
  nextAttempt(executionId: string): number {
    return this.bump(this.attempts, executionId);
  }

  pollCount(executionId: string): number {
    return this.polls.get(executionId) ?? 0;
  }

  countPoll(executionId: string): void {
    this.bump(this.polls, executionId);
  }

  listCallCount(workflowId: string): number {
    return this.listCalls.get(workflowId) ?? 0;
  }

  countListCall(workflowId: string): void {
    this.bump(this.listCalls, workflowId);
  }

  termination(executionId: string): Termination | undefined {
    return this.terminations.get(executionId);
  }

  terminate(executionId: string, atMs: number): void {
    this.terminations.set(executionId, { atMs, polls: this.pollCount(executionId) });
    const run = this.runs.find((r) => r.executionId === executionId);
    if (run) run.terminatedAt = atMs;
  }

  /** Back to "just started" at emulator time `now`: started runs are forgotten. */
  reset(now: number): void {
    this.base = now;
    for (const r of this.runs) this.executions.delete(r.executionId);
    this.runs.length = 0;
    this.started.clear();
    for (const map of [this.attempts, this.polls, this.listCalls, this.startAttempts, this.terminations, this.cache]) map.clear();
  }

  private bump(map: Map<string, number>, key: string): number {
    const n = (map.get(key) ?? 0) + 1;
    map.set(key, n);
    return n;
  }
}
