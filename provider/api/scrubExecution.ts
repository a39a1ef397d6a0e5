/**
 * A run's node errors are text the service wrote, and a misbehaving function or gateway can echo a
 * credential into them. They flow into gate messages, logs, CLI output and Pulumi state, so any credential
 * found there is replaced with `[redacted]` before the execution leaves the client. Only node executions
 * that carry an error are looked at (failures are few), so a large successful run costs nothing.
 */
import type { JsonObject, WorkflowExecution } from "../model/types";
import { renderErrorMessage } from "../model/errorText";
import type { Scrubber } from "./redact";

export function scrubNodeErrors(execution: WorkflowExecution, scrub: Scrubber): WorkflowExecution {
  for (const node of execution.nodes) {
    for (const e of node.executions) {
      if (e.errorMessage === undefined) continue;
      const text = JSON.stringify(e.errorMessage);
      const clean = scrub(text);
      if (clean === text) continue;
      e.errorMessage = JSON.parse(clean) as JsonObject;
      e.error = renderErrorMessage(e.errorMessage);
    }
  }
  return execution;
}
