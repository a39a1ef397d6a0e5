/**
 * Runs started through the API (StartWorkflowExecution, StartSyncWorkflowExecution): the templates a
 * scenario offers for them, and the record of each start.
 */
import type { ScenarioFault } from "./fault-types";
import type { EmulatorStatus, JsonObject, ScenarioNode, ScenarioStage, TimeSpec } from "./scenario";

/**
 * How a started run behaves. The start request's `input.scenario` names the template (`"default"` when
 * absent). Times are relative to the moment of the start (`"now"` is the start), and `afterSeconds` stages
 * count from it too; `afterPolls` stages count reads of the new run, as for scenario runs.
 */
export interface ScenarioRunTemplate {
  /** One line saying what the template demonstrates (printed by `npm run emulator`). */
  summary?: string;
  /** Status right after the start, usually `"running"`. */
  status: EmulatorStatus;
  /** Default `"now"` (the start). */
  beginTime?: TimeSpec;
  endTime?: TimeSpec;
  lastUpdateTime?: TimeSpec;
  /** Default `"emulator"`. */
  createdBy?: string;
  output?: JsonObject;
  nodes?: ScenarioNode[];
  progress?: ScenarioStage[];
  /** Faults on reads of the started run, keyed by its read attempts (as `ScenarioExecution.faults`). */
  faults?: ScenarioFault[];
  /**
   * Faults on the start request itself, keyed by the number of start requests (both start APIs) that chose
   * this template since the emulator started or was reset. A `status` fault with a 4xx status refuses the
   * start (no run is created); every other fault creates the run first and then spoils the answer, which
   * is exactly the case where a client cannot know whether a run started.
   */
  startFaults?: ScenarioFault[];
}

/** One accepted start, in the order they arrived. */
export interface StartedRun {
  executionId: string;
  workflowId: string;
  /** The template chosen by `input.scenario`. */
  template: string;
  /** Started through `sync-executions`. */
  sync: boolean;
  /** Readable by id afterwards; false for express workflows, whose runs are not persisted. */
  persisted: boolean;
  input: JsonObject;
  headers?: JsonObject;
  /** Emulator clock at the start (ms). */
  startedAt: number;
  /** Emulator clock when a terminate request stopped it (ms). */
  terminatedAt?: number;
}
