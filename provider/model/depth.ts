/**
 * Nesting limit for the opaque payloads of an execution (headers, input, output, node input/output,
 * error_message). JSON.parse accepts any depth, but JSON.stringify, the CLI's JSON output and Pulumi's
 * state serialization overflow the stack on very deep values: such a body is refused at validation time
 * instead of producing a result that crashes whatever consumes it.
 */
import type { SchemaViolation } from "../api/errors";

/** Deepest nesting accepted inside one payload value (the payload object itself is level 1). */
export const MAX_PAYLOAD_DEPTH = 128;

/** True when `value` nests objects/arrays more than `limit` levels deep. Iterative: never recurses. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== "object") return false;
  const stack: Array<[object, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > limit) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

const TOP = ["headers", "input", "output"] as const;
const NODE = ["input", "output", "error_message"] as const;

/** Violations for payloads of an (already schema-valid) execution body that nest too deeply. */
export function payloadDepthViolations(body: unknown, limit = MAX_PAYLOAD_DEPTH): SchemaViolation[] {
  const expected = `a value nested at most ${limit} levels deep`;
  const b = body as Record<string, unknown>;
  for (const key of TOP) if (nestsDeeperThan(b[key], limit)) return [{ pointer: `/${key}`, expected }];
  const nodes = b.node_execution_details;
  if (!Array.isArray(nodes)) return [];
  for (let i = 0; i < nodes.length; i++) {
    const executions = (nodes[i] as { executions?: unknown }).executions;
    if (!Array.isArray(executions)) continue;
    for (let j = 0; j < executions.length; j++) {
      const e = executions[j] as Record<string, unknown>;
      for (const key of NODE) {
        if (nestsDeeperThan(e[key], limit)) {
          return [{ pointer: `/node_execution_details/${i}/executions/${j}/${key}`, expected }];
        }
      }
    }
  }
  return [];
}
