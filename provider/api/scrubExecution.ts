/**
 * A run's node errors are text the service wrote, and a misbehaving function or gateway can echo a
 * credential into them. They flow into gate messages, logs, CLI output and Pulumi state, so any credential
 * found there is replaced with `[redacted]` before the execution leaves the client. Only node executions
 * that carry an error are looked at (failures are few), so a large successful run costs nothing.
 *
 * The error's keys and values are searched as they are, not as JSON text: a secret holding a character
 * JSON escapes (`"`, `\`, a control character) would not appear verbatim in that text.
 */
import type { JsonObject, NodeExecution, NodeExecutionDetail, WorkflowExecution } from "../model/types";
import { renderErrorMessage } from "../model/errorText";
import type { Scrubber } from "./redact";

/** Whether a key, string or number anywhere inside `v` contains a credential. Depth is bounded by validation. */
function carriesSecret(v: unknown, scrub: Scrubber): boolean {
  if (typeof v === "string") return scrub(v) !== v;
  if (typeof v === "number") {
    const text = String(v);
    return scrub(text) !== text;
  }
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (carriesSecret(v[i], scrub)) return true;
    return false;
  }
  for (const k in v) if (scrub(k) !== k || carriesSecret((v as JsonObject)[k], scrub)) return true;
  return false;
}

/** A copy of `v` with every credential replaced; a number that contained one becomes the scrubbed text. */
function scrubbed(v: unknown, scrub: Scrubber): unknown {
  if (typeof v === "string") return scrub(v);
  if (typeof v === "number") {
    const text = String(v);
    const clean = scrub(text);
    return clean === text ? v : clean;
  }
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((item) => scrubbed(item, scrub));
  const out: JsonObject = {};
  for (const k in v) out[scrub(k)] = scrubbed((v as JsonObject)[k], scrub);
  return out;
}

export function scrubNodeErrors(execution: WorkflowExecution, scrub: Scrubber): WorkflowExecution {
  // Indexed loops: no iterator objects on every read.
  const { nodes } = execution;
  for (let i = 0; i < nodes.length; i++) {
    const executions = (nodes[i] as NodeExecutionDetail).executions;
    for (let j = 0; j < executions.length; j++) {
      const e = executions[j] as NodeExecution;
      if (e.errorMessage === undefined || !carriesSecret(e.errorMessage, scrub)) continue;
      e.errorMessage = scrubbed(e.errorMessage, scrub) as JsonObject;
      e.error = renderErrorMessage(e.errorMessage);
    }
  }
  return execution;
}
