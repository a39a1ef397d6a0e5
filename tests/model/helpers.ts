/**
 * Shared fixtures for the model tests: the published example (read from disk each time, so every test
 * gets its own copy to mutate) and a generator of large bodies.
 */
import * as fs from "fs";
import * as path from "path";
import type { ExecutionBody, NodeExecutionBody } from "../../provider/model/bodies";

/** The published 200 example, byte for byte as in the API reference, section 0. */
export const EXAMPLE_TEXT = fs.readFileSync(path.join(__dirname, "fixtures", "published-example.json"), "utf8");

/** A fresh parsed copy of the published example. */
export function example(): ExecutionBody {
  return JSON.parse(EXAMPLE_TEXT) as ExecutionBody;
}

/** A fresh copy as a loosely typed object, for tests that break the shape on purpose. */
export function exampleLoose(): Record<string, any> {
  return JSON.parse(EXAMPLE_TEXT) as Record<string, any>;
}

/** A node execution with every field set; `at` is its begin time in epoch ms. */
export function nodeExec(status: NodeExecutionBody["status"], at: number, extra: Partial<NodeExecutionBody> = {}): NodeExecutionBody {
  return { status, input: { at }, output: { ok: true }, begin_time: at, end_time: at + 25, error_message: {}, request_id: `req-${at}`, ...extra };
}

/**
 * A body of `nodes` × `executions` node executions (200 × 200 is the documented maximum, ~8 MB of JSON).
 * Every 50th execution fails, so failure rendering is exercised too.
 */
export function bigBody(nodes: number, executions: number): ExecutionBody {
  const details = [];
  for (let n = 0; n < nodes; n++) {
    const execs: NodeExecutionBody[] = [];
    for (let i = 0; i < executions; i++) {
      const failed = i % 50 === 49;
      const at = 1_605_119_892_050 + n * 1_000_000 + i * 1000;
      execs.push(nodeExec(failed ? "fail" : "success", at, failed ? { error_message: { error_code: "FSS.0500", error_msg: `step ${i} timed out` } } : {}));
    }
    details.push({ node_id: `node-${n}`, node_name: `Node ${n}`, execution_id: `exec-${n}`, executions: execs });
  }
  return { ...example(), status: "success", node_execution_details: details };
}
