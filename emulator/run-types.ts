/** The record of each run started through the API (StartWorkflowExecution, StartSyncWorkflowExecution). */
import type { JsonObject } from "./scenario";

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
