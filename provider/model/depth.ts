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
 * True when `value` nests objects/arrays more than `limit` levels deep. Recursion is bounded by `limit`
 * (it stops descending there), so it cannot overflow the stack, and it allocates nothing: the walk runs
 * over every node payload of a 40,000-execution body.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeperThan(value[i], limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (nestsDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

const TOP = ["headers", "input", "output"] as const;

interface NodePayloads {
  input?: unknown;
  output?: unknown;
  error_message?: unknown;
}

/** The payload key of a node execution that nests too deeply, if any. Named loads rather than a loop over
 * key names: a keyed load whose name changes every iteration is several times slower over 40,000 items. */
function deepNodePayload(e: NodePayloads, limit: number): "input" | "output" | "error_message" | undefined {
  if (nestsDeeperThan(e.input, limit)) return "input";
  if (nestsDeeperThan(e.output, limit)) return "output";
  if (nestsDeeperThan(e.error_message, limit)) return "error_message";
  return undefined;
}

/** The violation's text, built only for a body that has one. */
function tooDeep(limit: number): string {
  return `a value nested at most ${limit} levels deep`;
}

/** Violations for payloads of an (already schema-valid) execution body that nest too deeply. */
export function payloadDepthViolations(body: unknown, limit = MAX_PAYLOAD_DEPTH): SchemaViolation[] {
  const b = body as Record<string, unknown>;
  for (let k = 0; k < TOP.length; k++) {
    const key = TOP[k] as (typeof TOP)[number];
    if (nestsDeeperThan(b[key], limit)) return [{ pointer: `/${key}`, expected: tooDeep(limit) }];
  }
  const nodes = b.node_execution_details;
  if (!Array.isArray(nodes)) return [];
  for (let i = 0; i < nodes.length; i++) {
    const executions = (nodes[i] as { executions?: unknown }).executions;
    if (!Array.isArray(executions)) continue;
    // Indexed, not for...of: an array iterator per execution was 40,000 objects of garbage on a large body.
    for (let j = 0; j < executions.length; j++) {
      const key = deepNodePayload(executions[j] as NodePayloads, limit);
      if (key !== undefined) return [{ pointer: `/node_execution_details/${i}/executions/${j}/${key}`, expected: tooDeep(limit) }];
    }
  }
  return [];
}
