/**
 * Whole-process contender "package, one read": a fresh process that requires this package by name (it
 * resolves through package.json `exports` to dist/, as for a consumer) and makes one getWorkflowExecution
 * call, credentials from the environment as a CI job provides them. argv[2]: JSON `{ conn, ref }`.
 */
import type { Connection, ExecutionRef } from "../contenders/types";

const job = JSON.parse(process.argv[2] as string) as { conn: Connection; ref: ExecutionRef };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gate = require("fgs-workflow-gate") as typeof import("../../provider");
gate
  .getWorkflowExecution({ endpoint: job.conn.url, projectId: job.conn.projectId, workflowId: job.ref.workflowId, executionId: job.ref.executionId })
  .catch((e: unknown) => {
    process.stderr.write(`package-read: ${String(e)}\n`);
    process.exitCode = 1;
  });
