/**
 * A small typed builder of canned workflow executions for unit tests. It writes the API's own body
 * (snake_case, as the service answers) and maps it with the package's production mapping, after checking
 * it against the same JSON Schema as a real answer: a canned run is a run the gate could have read.
 */
import { ConfigurationError } from "../errors";
import { toWorkflowExecution } from "../model/map";
import type { ExecutionBody, NodeExecutionDetailBody } from "../model/bodies";
import { type ExecutionStatus, isFinalStatus, type JsonObject, type WorkflowExecution } from "../model/types";
import { validateBody } from "../model/validate";

/** One node of a canned run. */
export interface CannedNode {
  /** The node's name (what `requireNodes` and `{ node: name }` conditions refer to). */
  name: string;
  /** Default `success`. */
  status?: ExecutionStatus;
  /** The node's output (its latest execution's). */
  output?: JsonObject;
  input?: JsonObject;
  /** An error message: `{ error_code, error_msg }` as the service writes it. */
  error?: { code: string; message: string };
}

/** What a canned run looks like. Every field but `status` has a default. */
export interface CannedExecutionArgs {
  status: ExecutionStatus;
  /** Default `"wf-canned"`. */
  workflowId?: string;
  /** Default `"canned-checks"` (the name in the workflow URN). */
  workflowName?: string;
  /** Default `"exec-canned"`. */
  executionId?: string;
  input?: JsonObject;
  output?: JsonObject;
  headers?: JsonObject;
  nodes?: CannedNode[];
  /** When the run began. Default: one minute before the call. */
  beginTime?: Date | string;
  /** When it ended. Default: for a final status, the call's time; none otherwise. */
  endTime?: Date | string;
  /** Default `"cn-north-4"`. */
  region?: string;
  /** Default `"0123456789abcdef0123456789abcdef"`. */
  projectId?: string;
}


/** The service writes times as `yyyy-MM-ddTHH:mm:ssZ`. */
function apiTime(t: Date | string): string {
  return (typeof t === "string" ? new Date(t) : t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function nodeBody(node: CannedNode, i: number, executionId: string, beginMs: number): NodeExecutionDetailBody {
  const status = node.status ?? "success";
  const execution: NodeExecutionDetailBody["executions"] = [
    {
      status,
      begin_time: beginMs,
      ...(isFinalStatus(status) ? { end_time: beginMs + 1000 } : {}),
      ...(node.input ? { input: node.input } : {}),
      ...(node.output ? { output: node.output } : {}),
      ...(node.error ? { error_message: { error_code: node.error.code, error_msg: node.error.message } } : {}),
    },
  ];
  return { node_id: `node-${i + 1}`, node_name: node.name, execution_id: executionId, executions: execution };
}

/** The API body of a canned run (what ShowWorkflowExecution would answer). */
export function cannedExecutionBody(args: CannedExecutionArgs): ExecutionBody {
  const now = Date.now();
  const begin = args.beginTime === undefined ? new Date(now - 60_000) : new Date(args.beginTime);
  const end = args.endTime ?? (isFinalStatus(args.status) ? new Date(Math.max(now, begin.getTime())) : undefined);
  const executionId = args.executionId ?? "exec-canned";
  const name = args.workflowName ?? "canned-checks";
  const body: ExecutionBody = {
    workflow_id: args.workflowId ?? "wf-canned",
    workflow_urn: `urn:fss:${args.region ?? "cn-north-4"}:${args.projectId ?? "0123456789abcdef0123456789abcdef"}:workflow:default:${name}:latest`,
    execution_id: executionId,
    status: args.status,
    begin_time: apiTime(begin),
    node_execution_details: (args.nodes ?? []).map((n, i) => nodeBody(n, i, executionId, begin.getTime())),
  };
  if (end !== undefined) body.end_time = apiTime(end);
  if (args.input) body.input = args.input;
  if (args.output) body.output = args.output;
  if (args.headers) body.headers = args.headers;
  return body;
}

/**
 * A canned run, typed exactly as the gate reads one.
 *
 * @throws ConfigurationError when the run could not come from the service (the schema's message says why).
 */
export function cannedExecution(args: CannedExecutionArgs): WorkflowExecution {
  const body = cannedExecutionBody(args);
  const violations = validateBody("execution", body);
  if (violations.length > 0) {
    const list = violations.map((v) => `${v.pointer || "/"}: ${v.expected}`).join("; ");
    throw new ConfigurationError(`cannedExecution: not a run the service could answer (${list})`);
  }
  return toWorkflowExecution(body);
}
