/**
 * Arguments of `startWorkflowExecution` and `runWorkflow`. Connection and request arguments are those of
 * a read; `runWorkflow` adds every gate option of `getWorkflowExecution`.
 */
import type { ConnectionArgs, GateArgs, RequestArgs } from "../args";

/** What starts a run: the workflow (by ID or by exact name) and the run's input. */
export interface StartWorkflowExecutionArgs extends ConnectionArgs, RequestArgs {
  /** The workflow to run. Give this or `workflowName`, not both. */
  workflowId?: string;
  /** The workflow's exact name, resolved to its ID through ListWorkflows (exactly one must match). */
  workflowName?: string;
  /**
   * The run's input: a JSON object, required. It may carry secrets: it is never logged or quoted in an
   * error. At most 1 MiB as JSON, together with `headers`.
   */
  input: Record<string, unknown>;
  /** Headers the run starts with (a JSON object). Treated as sensitive like `input`. */
  headers?: Record<string, unknown>;
}

/** What `startWorkflowExecution` resolves to. */
export interface StartedWorkflowExecution {
  executionId: string;
  workflowId: string;
}

/** Arguments of `runWorkflow`: a start, then the gate on that run. */
export interface RunWorkflowArgs extends StartWorkflowExecutionArgs, GateArgs {
  /**
   * Run an express workflow through the synchronous API and gate on its answer (express runs are not
   * persisted, so they cannot be read back). Default false.
   */
  sync?: boolean;
  /**
   * When the wait for the run this call started times out or is cancelled through `signal`, terminate
   * the run and say so in the error. A run this call did not start is never terminated. Default true.
   */
  stopOnGiveUp?: boolean;
  /** Ask for complete node outputs on every read (asynchronous runs). Default false. */
  fullHistory?: boolean;
  /** Called once the run has started, before any wait: a CI log can show the execution ID at once. */
  onStarted?: (run: StartedWorkflowExecution) => void;
}
