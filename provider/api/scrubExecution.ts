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

/**
 * `v` with every credential in a key, string or number replaced (a number that contained one becomes the
 * scrubbed text). What holds no credential is returned as it is, the same object: a clean error costs a
 * walk and no allocation. Depth is bounded by validation.
 */
function scrubbed(v: unknown, scrub: Scrubber): unknown {
  if (typeof v === "string") return scrub(v);
  if (typeof v === "number") {
    const text = String(v);
    const clean = scrub(text);
    return clean === text ? v : clean;
  }
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item = scrubbed(v[i], scrub);
      if (item !== v[i]) (copy ??= v.slice())[i] = item;
    }
    return copy ?? v;
  }
  const o = v as JsonObject;
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const key = scrub(k);
    const value = scrubbed(o[k], scrub);
    if (key === k && value === o[k]) continue;
    // Something changes: a copy in key order, the keys before this one as they were.
    const out: JsonObject = {};
    for (let j = 0; j < i; j++) out[keys[j] as string] = o[keys[j] as string];
    out[key] = value;
    for (let j = i + 1; j < keys.length; j++) out[scrub(keys[j] as string)] = scrubbed(o[keys[j] as string], scrub);
    return out;
  }
  return o;
}

export function scrubNodeErrors(execution: WorkflowExecution, scrub: Scrubber): WorkflowExecution {
  // Indexed loops: no iterator objects on every read.
  const { nodes } = execution;
  for (let i = 0; i < nodes.length; i++) {
    const executions = (nodes[i] as NodeExecutionDetail).executions;
    for (let j = 0; j < executions.length; j++) {
      const e = executions[j] as NodeExecution;
      if (e.errorMessage === undefined) continue;
      const clean = scrubbed(e.errorMessage, scrub) as JsonObject;
      if (clean === e.errorMessage) continue;
      e.errorMessage = clean;
      e.error = renderErrorMessage(clean);
    }
  }
  return execution;
}
