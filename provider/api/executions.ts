/**
 * ShowWorkflowExecution: one signed GET, the body validated against the schema and checked to be the run
 * that was asked for, then mapped to the typed model.
 */
import { callApi, type RequestPolicy } from "./client";
import { ResponseValidationError } from "../errors";
import type { Credentials } from "./signer";
import type { ExecutionBody } from "../model/bodies";
import { toWorkflowExecution } from "../model/map";
import type { WorkflowExecution } from "../model/types";

export interface ExecutionRef {
  endpoint: URL;
  projectId: string;
  workflowId: string;
  executionId: string;
  fullHistory?: boolean;
}

/** Reads one execution (with retries per `policy`). */
export async function readExecution(ref: ExecutionRef, credentials: Credentials, policy: RequestPolicy): Promise<WorkflowExecution> {
  const headers: Record<string, string> = { "X-Project-Id": ref.projectId };
  if (ref.fullHistory !== undefined) headers["X-Get-Workflow-Full-History-Data"] = String(ref.fullHistory);
  const segments = ["v2", ref.projectId, "fgs", "workflows", ref.workflowId, "executions", ref.executionId];
  const res = await callApi({ base: ref.endpoint, method: "GET", segments, headers, kind: "execution" }, credentials, policy);
  // The body was scrubbed of credentials as it was read, so everything mapped from it is clean.
  const execution = toWorkflowExecution(res.body as ExecutionBody);
  checkIdentity(ref, execution, res, segments);
  return execution;
}

/**
 * The body must describe the run in the path: a proxy or cache answering for another run fails closed.
 * (The URN's project is not compared: the service's own published example carries a URN whose project
 * differs from any path, so that field is informative only.)
 */
function checkIdentity(ref: ExecutionRef, e: WorkflowExecution, res: { readonly requestId?: string }, segments: string[]) {
  if (e.workflowId === ref.workflowId && e.executionId === ref.executionId) return;
  const violations = [];
  if (e.workflowId !== ref.workflowId) violations.push({ pointer: "/workflow_id", expected: `the requested workflow ID ${ref.workflowId}` });
  if (e.executionId !== ref.executionId) violations.push({ pointer: "/execution_id", expected: `the requested execution ID ${ref.executionId}` });
  throw new ResponseValidationError(
    { method: "GET", path: `/${segments.join("/")}`, requestId: res.requestId },
    violations,
    `the response describes another run: ${violations.map((v) => `${v.pointer} is not ${v.expected}`).join("; ")}`,
  );
}
