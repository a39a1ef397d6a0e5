/**
 * Contender 1: this package's public `getWorkflowExecution` (signed, retried, validated against the JSON
 * Schema, checked for identity and mapped to the typed model), with explicit credentials, endpoint and
 * project ID, so no IAM discovery. No transport is injected: node-fetch 2 with the library's own agents.
 * Loaded by package name, as users load it: the bundled entry point, not tsc's separate modules.
 */
import { expect, type Connection, type Contender, type ExecutionRef } from "./types";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getWorkflowExecution } = require("fgs-workflow-gate") as typeof import("../../provider");

export function createLibraryContender(conn: Connection): Contender {
  return {
    id: "library",
    label: "fgs-workflow-gate getWorkflowExecution (sign, fetch, JSON.parse, schema validation, typed mapping)",
    call: (ref: ExecutionRef) =>
      getWorkflowExecution({
        endpoint: conn.url,
        projectId: conn.projectId,
        credentials: { accessKey: conn.credentials.accessKey, secretKey: conn.credentials.secretKey },
        workflowId: ref.workflowId,
        executionId: ref.executionId,
        fullHistory: ref.fullHistory || undefined,
      }),
    check(result, ref, expected) {
      const e = result as Awaited<ReturnType<typeof getWorkflowExecution>>;
      expect(e.executionId === ref.executionId, "library", `read ${e.executionId}, not ${ref.executionId}`);
      const count = e.nodes.reduce((n, node) => n + node.executions.length, 0);
      expect(count === expected, "library", `mapped ${count} node executions, expected ${expected}`);
    },
  };
}
