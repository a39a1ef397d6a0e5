/**
 * The emulator's mutable state: lookups into the (immutable) scenario, the per-execution attempt and poll
 * counters, the per-workflow list-call counters, and the time base that relative times and timed progress
 * are measured from. `reset()` puts all of it back to "just started".
 */
import type { Scenario, ScenarioExecution, ScenarioWorkflow } from "./scenario";

/** An execution together with its workflow. */
export interface ExecutionEntry {
  workflow: ScenarioWorkflow;
  execution: ScenarioExecution;
}

/** Counters and lookups of one running emulator. */
export class EmulatorState {
  /** Emulator-clock time (ms) of start or of the last reset. */
  base: number;
  private readonly workflows = new Map<string, ScenarioWorkflow>();
  private readonly executions = new Map<string, ExecutionEntry>();
  private readonly attempts = new Map<string, number>();
  private readonly polls = new Map<string, number>();
  private readonly listCalls = new Map<string, number>();
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

  /** Counts one more request to the execution and returns its 1-based attempt number. */
  nextAttempt(executionId: string): number {
    const n = (this.attempts.get(executionId) ?? 0) + 1;
    this.attempts.set(executionId, n);
    return n;
  }

  pollCount(executionId: string): number {
    return this.polls.get(executionId) ?? 0;
  }

  countPoll(executionId: string): void {
    this.polls.set(executionId, this.pollCount(executionId) + 1);
  }

  listCallCount(workflowId: string): number {
    return this.listCalls.get(workflowId) ?? 0;
  }

  countListCall(workflowId: string): void {
    this.listCalls.set(workflowId, this.listCallCount(workflowId) + 1);
  }

  /** Back to "just started" at emulator time `now`. */
  reset(now: number): void {
    this.base = now;
    this.attempts.clear();
    this.polls.clear();
    this.listCalls.clear();
    this.cache.clear();
  }
}
