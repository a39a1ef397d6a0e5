/**
 * The identities, credentials and bodies the trust tests share. Bodies are valid by the published schema
 * (schema/workflow-execution.schema.json, execution-list.schema.json), so that a test changes only the
 * hostile aspect it is about. The secrets are long, non-repeating and fixed, so a leak of any part of them
 * can be searched for.
 */
import { createHash } from "node:crypto";

export const PROJECT = "p-trust";
export const WORKFLOW = "wf-trust";
export const WORKFLOW_NAME = "trust-flow";
export const ACCESS_KEY = "AKTRUST0000000000001";

const hex = (seed: string) => createHash("sha256").update(seed).digest("hex");
/** 64 characters; any 16 of them in a row in some output is a leak. */
export const SECRET_KEY = `sk${hex("trust-secret-key")}`;
/** 390 characters, so a cut at 128 or 256 characters never covers the whole token. */
export const TOKEN = `tk${hex("t0")}${hex("t1")}${hex("t2")}${hex("t3")}${hex("t4")}${hex("t5")}`;

export const CREDENTIALS = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
export const CREDENTIALS_WITH_TOKEN = { ...CREDENTIALS, securityToken: TOKEN };

/** Connection arguments of a library call against a loopback server. */
export function connection(url: string, withToken = false) {
  return { projectId: PROJECT, endpoint: url, credentials: withToken ? CREDENTIALS_WITH_TOKEN : CREDENTIALS };
}

/** The environment of a CLI run against a loopback server: credentials only from here. */
export function cliEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HW_ACCESS_KEY: ACCESS_KEY,
    HW_SECRET_KEY: SECRET_KEY,
    HW_PROJECT_ID: PROJECT,
    HW_REGION_NAME: "cn-north-4",
    HW_FUNCTIONGRAPH_ENDPOINT: url,
    NO_COLOR: "1",
    ...extra,
  };
}

export function workflowUrn(name = WORKFLOW_NAME): string {
  return `urn:fss:cn-north-4:${PROJECT}:workflow:default:${name}:latest`;
}

const MINUTE = 60_000;
/** An ISO time `minutes` from now (negative: in the past). */
export function isoIn(minutes: number): string {
  return new Date(Date.now() + minutes * MINUTE).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface NodeSpec {
  name?: string;
  status?: string;
  requestId?: string;
  errorMessage?: Record<string, unknown>;
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
}

export interface ExecutionSpec {
  executionId: string;
  workflowId?: string;
  status?: string;
  /** ISO time, "" for unknown, or undefined to leave the field out. Default: 10 minutes ago. */
  beginTime?: string;
  urnName?: string;
  createdBy?: string;
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  nodes?: NodeSpec[];
}

/** A ShowWorkflowExecution body. */
export function executionBody(s: ExecutionSpec): Record<string, unknown> {
  const began = "beginTime" in s ? s.beginTime : isoIn(-10);
  const beganMs = began ? Date.parse(began) : Date.now() - 10 * MINUTE;
  const body: Record<string, unknown> = {
    workflow_id: s.workflowId ?? WORKFLOW,
    workflow_urn: workflowUrn(s.urnName),
    execution_id: s.executionId,
    status: s.status ?? "success",
    end_time: isoIn(-1),
    last_update_time: isoIn(-1),
    created_by: s.createdBy ?? "ci-bot",
    headers: s.headers ?? {},
    input: s.input ?? { ref: "main" },
    output: s.output ?? { result: "passed" },
    node_execution_details: (s.nodes ?? [{}]).map((n, i) => ({
      node_id: `node-${i}`,
      node_name: n.name ?? `step-${i}`,
      execution_id: `ne-${i}`,
      executions: [
        {
          status: n.status ?? "success",
          begin_time: beganMs,
          end_time: beganMs + 1000,
          input: n.input ?? {},
          output: n.output ?? {},
          ...(n.errorMessage ? { error_message: n.errorMessage } : {}),
          request_id: n.requestId ?? `rq-${i}`,
        },
      ],
    })),
  };
  if (began !== undefined) body.begin_time = began;
  return body;
}

/** One item of a ListWorkflowExecutions page. */
export function listItem(executionId: string, beginTime: string | undefined, status = "success", workflowId = WORKFLOW) {
  const item: Record<string, unknown> = {
    workflow_id: workflowId,
    workflow_urn: workflowUrn(),
    execution_id: executionId,
    status,
    end_time: isoIn(-1),
    last_update_time: isoIn(-1),
    created_by: "ci-bot",
  };
  if (beginTime !== undefined) item.begin_time = beginTime;
  return item;
}

/** The execution ID at the end of a ShowWorkflowExecution path, or undefined for any other path. */
export function executionIdOf(path: string): string | undefined {
  const m = /^\/v2\/[^/]+\/fgs\/workflows\/[^/]+\/executions\/([^/?]+)/.exec(path);
  return m ? decodeURIComponent(m[1] as string) : undefined;
}

/** True for a ListWorkflowExecutions path. */
export function isListPath(path: string): boolean {
  return /^\/v2\/[^/]+\/fgs\/workflows\/[^/]+\/executions(\?|$)/.test(path);
}
