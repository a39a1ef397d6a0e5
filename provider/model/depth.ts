/**
 * Nesting limit for the opaque payloads of an execution (headers, input, output, node input/output,
 * error_message). JSON.parse accepts any depth, but JSON.stringify, the CLI's JSON output and Pulumi's
 * state serialization overflow the stack on very deep values: such a body is refused at validation time
 * instead of producing a result that crashes whatever consumes it.
 */
import type { SchemaViolation } from "./violations";

/** Deepest nesting accepted inside one payload value (the payload object itself is level 1). */
export const MAX_PAYLOAD_DEPTH = 128;

/**
 * True when `value` nests objects/arrays more than `limit` levels deep. The recursion stops at `limit`,
 * so it cannot overflow the stack whatever the input.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) return value.some((child) => nestsDeeperThan(child, limit - 1));
  for (const key in value) {
    if (nestsDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

const TOP_PAYLOADS = ["headers", "input", "output"] as const;
const NODE_PAYLOADS = ["input", "output", "error_message"] as const;

function tooDeep(pointer: string, limit: number): SchemaViolation[] {
  return [{ pointer, expected: `a value nested at most ${limit} levels deep` }];
}

/** Violations for payloads of an (already schema-valid) execution body that nest too deeply. */
export function payloadDepthViolations(body: unknown, limit = MAX_PAYLOAD_DEPTH): SchemaViolation[] {
  const b = body as Record<string, unknown>;
  for (const key of TOP_PAYLOADS) {
    if (nestsDeeperThan(b[key], limit)) return tooDeep(`/${key}`, limit);
  }
  const nodes = Array.isArray(b.node_execution_details) ? b.node_execution_details : [];
  for (let i = 0; i < nodes.length; i++) {
    const executions = (nodes[i] as { executions?: unknown }).executions;
    if (!Array.isArray(executions)) continue;
    for (let j = 0; j < executions.length; j++) {
      const e = executions[j] as Record<string, unknown>;
      for (const key of NODE_PAYLOADS) {
        if (nestsDeeperThan(e[key], limit)) return tooDeep(`/node_execution_details/${i}/executions/${j}/${key}`, limit);
      }
    }
  }
  return [];
}
