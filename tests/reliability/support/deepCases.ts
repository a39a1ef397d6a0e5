/**
 * The deep-value cases of deep-values.test.ts: a placeholder put at one place of a valid body, replaced
 * in the JSON text by 10,000 or 100,000 levels of arrays or objects.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export const PLACE = "\u0000DEEP\u0000";

/** Where the deep value goes, as a function that puts the placeholder there in a copy of a valid body. */
export const POSITIONS: Record<string, (b: any) => unknown> = {
  output: (b) => (b.output = { nested: PLACE }),
  input: (b) => (b.input = { nested: PLACE }),
  headers: (b) => (b.headers = { nested: PLACE }),
  "node output": (b) => (b.node_execution_details[0].executions[0].output = { nested: PLACE }),
  "node error_message": (b) => (b.node_execution_details[0].executions[0].error_message = { detail: PLACE }),
  status: (b) => (b.status = PLACE),
  workflow_id: (b) => (b.workflow_id = PLACE),
  node_execution_details: (b) => (b.node_execution_details = PLACE),
  "node executions": (b) => (b.node_execution_details[0].executions = PLACE),
};

export const deep = (shape: "array" | "object", n: number) => (shape === "array" ? "[".repeat(n) + "0" + "]".repeat(n) : '{"a":'.repeat(n) + "0" + "}".repeat(n));

export const DEEP_CASES = Object.keys(POSITIONS).flatMap((position) =>
  [10_000, 100_000].flatMap((depth) => (["array", "object"] as const).map((shape) => ({ position, depth, shape }))),
);

