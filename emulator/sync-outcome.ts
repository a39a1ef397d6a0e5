/**
 * The answer of StartSyncWorkflowExecution for a run made from a template. Express runs are short, so the
 * emulator answers at once with the run's final state: every progress stage applied. The answer knows only
 * `success`, `fail` and `timeout`: a run that ends cancelled answers `fail`, and one that never ends
 * answers `timeout`, what the service says when a synchronous run does not finish in time.
 */
import { currentView } from "./progress";
import type { EmulatorStatus, JsonObject, ScenarioExecution } from "./scenario";
import { formatApiTime, resolveTime } from "./time";

/** One failed node in a sync answer. */
export interface SyncNodeError {
  node_id: string;
  /** The node's error object as JSON text (the API types this field as a string). */
  error_message: string;
  begin_time: string;
  end_time: string;
}

/** The 200 body of StartSyncWorkflowExecution. */
export interface SyncExecutionBody {
  execution_id: string;
  status: "success" | "fail" | "timeout";
  output: JsonObject;
  errors: SyncNodeError[];
  begin_time: string;
  end_time: string;
}

function syncStatus(status: EmulatorStatus): SyncExecutionBody["status"] {
  if (status === "success" || status === "fail" || status === "timeout") return status;
  return status === "cancel" ? "fail" : "timeout";
}

/** The sync answer for `execution` started at `startedAt` (emulator clock). */
export function syncOutcome(execution: ScenarioExecution, startedAt: number): SyncExecutionBody {
  const view = currentView(execution, { polls: Number.MAX_SAFE_INTEGER, elapsedMs: Number.POSITIVE_INFINITY });
  const time = (spec: string | number | undefined): string => (spec === undefined ? "" : formatApiTime(resolveTime(spec, startedAt)));
  const errors = view.nodes.flatMap((node) =>
    node.executions
      .filter((x) => x.status === "fail" || x.status === "timeout")
      .map((x) => ({ node_id: node.id, error_message: JSON.stringify(x.errorMessage ?? {}), begin_time: time(x.beginTime), end_time: time(x.endTime) })),
  );
  const begin = time(view.beginTime ?? "now");
  return {
    execution_id: execution.id,
    status: syncStatus(view.status),
    output: view.output ?? {},
    errors,
    begin_time: begin,
    end_time: view.endTime === undefined ? begin : time(view.endTime),
  };
}
