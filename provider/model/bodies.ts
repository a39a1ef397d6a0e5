/**
 * Raw (snake_case) bodies as the JSON Schemas in schema/ describe them. A body has these types only after
 * `validateBody` returned no violations; tests validate typed fixtures (minimal and maximal) against the
 * schemas so these interfaces and the schemas cannot drift apart silently.
 */
import type { ExecutionStatus, JsonObject } from "./types";

/** One execution (attempt) of a node: schema/workflow-execution.schema.json `#/definitions/nodeExecution`. */
export interface NodeExecutionBody {
  status: ExecutionStatus;
  input?: JsonObject | null;
  output?: JsonObject | null;
  /** UTC epoch milliseconds, 0..8640000000000000; 0 means not set. */
  begin_time?: number;
  end_time?: number;
  error_message?: JsonObject | null;
  request_id?: string;
}

/** A node and its executions: `#/definitions/nodeExecutionDetail`. */
export interface NodeExecutionDetailBody {
  node_id: string;
  node_name: string;
  execution_id: string;
  /** null is tolerated and means "none". */
  executions: NodeExecutionBody[] | null;
}

/** 200 body of ShowWorkflowExecution: schema/workflow-execution.schema.json. */
export interface ExecutionBody {
  workflow_id: string;
  workflow_urn: string;
  execution_id: string;
  status: ExecutionStatus;
  headers?: JsonObject | null;
  input?: JsonObject | null;
  output?: JsonObject | null;
  /** ISO-8601 (`2021-01-01T00:00:00Z`, fraction and offset allowed) or `""` when unknown. */
  begin_time?: string;
  end_time?: string;
  last_update_time?: string;
  created_by?: string;
  /** At most 200 items; absent or null means "none". */
  node_execution_details?: NodeExecutionDetailBody[] | null;
}

/** Non-2xx body: schema/error.schema.json. One of the two shapes is present. */
export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  /** Shape used by some gateways instead of error_code/error_msg. */
  error?: { code: string; message: string };
}

/** One item of ListWorkflows: schema/workflow-list.schema.json `#/definitions/workflow`. */
export interface WorkflowListItemBody {
  id: string;
  workflow_urn: string;
  name: string;
  description?: string | null;
  created_time?: string | null;
  updated_time?: string | null;
  created_by?: string | null;
  enable_stream_response?: boolean | null;
}

/** 200 body of ListWorkflows: schema/workflow-list.schema.json. */
export interface WorkflowListBody {
  total?: number;
  size?: number;
  workflows: WorkflowListItemBody[] | null;
}

/** One item of ListWorkflowExecutions: schema/execution-list.schema.json `#/definitions/executionBrief`. */
export interface ExecutionListItemBody {
  workflow_id: string;
  workflow_urn: string;
  execution_id: string;
  status: ExecutionStatus;
  begin_time?: string;
  end_time?: string;
  last_update_time?: string;
  created_by?: string;
}

/** 200 body of ListWorkflowExecutions / executions-history: schema/execution-list.schema.json. */
export interface ExecutionListBody {
  total?: number;
  size?: number;
  executions: ExecutionListItemBody[] | null;
}

/** One IAM project: schema/iam-projects.schema.json. */
export interface IamProjectBody {
  id: string;
  name: string;
}

/** 200 body of IAM `GET /v3/projects`: schema/iam-projects.schema.json. */
export interface IamProjectsBody {
  projects: IamProjectBody[];
}
