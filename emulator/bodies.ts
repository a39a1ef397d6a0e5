/**
 * The ShowWorkflowExecution 200 body, snake_case exactly as functiongraph-api.md section 0 documents it:
 * execution-level times are `yyyy-MM-ddTHH:mm:ssZ` strings (empty when absent), node-level times are
 * epoch-ms integers (0 when absent).
 */
import { createHash } from "node:crypto";
import type { ExecutionView } from "./progress";
import type { JsonObject, Scenario, ScenarioWorkflow } from "./scenario";
import { formatApiTime, resolveTime } from "./time";

/** One node execution as served. */
export interface NodeExecutionBody {
  status: string;
  input: JsonObject;
  output: JsonObject;
  begin_time: number;
  end_time: number;
  error_message: JsonObject;
  request_id: string;
}

/** One node as served. */
export interface NodeExecutionDetailBody {
  node_id: string;
  node_name: string;
  execution_id: string;
  executions: NodeExecutionBody[];
}

/** The whole 200 body of ShowWorkflowExecution. */
export interface ExecutionBody {
  workflow_id: string;
  workflow_urn: string;
  execution_id: string;
  status: string;
  headers: JsonObject;
  input: JsonObject;
  output: JsonObject;
  begin_time: string;
  end_time: string;
  last_update_time: string;
  created_by: string;
  node_execution_details: NodeExecutionDetailBody[];
}

/** `urn:fss:<region>:<project>:workflow:<package>:<name>:<version>`. */
export function workflowUrn(region: string, projectId: string, name: string, pkg = "default", version = "latest"): string {
  return `urn:fss:${region}:${projectId}:workflow:${pkg}:${name}:${version}`;
}

/** The URN of a scenario workflow. */
export function scenarioWorkflowUrn(scenario: Scenario, workflow: ScenarioWorkflow): string {
  return workflowUrn(scenario.region, scenario.projectId, workflow.name, workflow.package, workflow.version);
}

/** A stable, UUID-shaped id derived from its parts, so default request ids do not change between runs. */
export function stableId(...parts: Array<string | number>): string {
  const h = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Builds the body of a structured run from its current view; `base` anchors relative times. */
export function buildExecutionBody(
  scenario: Scenario,
  workflow: ScenarioWorkflow,
  executionId: string,
  view: ExecutionView,
  base: number,
): ExecutionBody {
  const apiTime = (spec: string | undefined): string => (spec === undefined ? "" : formatApiTime(resolveTime(spec, base)));
  const nodeTime = (spec: string | number | undefined): number => (spec === undefined ? 0 : resolveTime(spec, base));
  const details: NodeExecutionDetailBody[] = view.nodes.map((node) => ({
    node_id: node.id,
    node_name: node.name,
    execution_id: node.executionId ?? `${executionId}:${node.id}`,
    executions: node.executions.map((x, i) => ({
      status: x.status,
      input: x.input ?? {},
      output: x.output ?? {},
      begin_time: nodeTime(x.beginTime),
      end_time: nodeTime(x.endTime),
      error_message: x.errorMessage ?? {},
      request_id: x.requestId ?? stableId(executionId, node.id, i),
    })),
  }));
  let lastUpdate = view.lastUpdateTime ?? view.endTime;
  let lastUpdateText = apiTime(lastUpdate);
  if (lastUpdate === undefined) {
    // No explicit time: the latest thing that happened, which is what a live service would report.
    const latestNode = Math.max(0, ...details.flatMap((d) => d.executions.flatMap((x) => [x.begin_time, x.end_time])));
    lastUpdateText = latestNode > 0 ? formatApiTime(latestNode) : apiTime(view.beginTime);
  }
  return {
    workflow_id: workflow.id,
    workflow_urn: scenarioWorkflowUrn(scenario, workflow),
    execution_id: executionId,
    status: view.status,
    headers: view.headers ?? {},
    input: view.input ?? {},
    output: view.output ?? {},
    begin_time: apiTime(view.beginTime),
    end_time: apiTime(view.endTime),
    last_update_time: lastUpdateText,
    created_by: view.createdBy ?? workflow.createdBy ?? "emulator",
    node_execution_details: details,
  };
}

/**
 * What the service does without `X-Get-Workflow-Full-History-Data: true`, as emulated here: every node
 * execution `input`/`output` whose JSON is longer than `limitBytes` becomes `{"truncated":true,"size_bytes":N}`.
 * Returns a new object; anything not shaped like an execution body is returned unchanged.
 */
export function truncateHistory(body: unknown, limitBytes: number): unknown {
  if (typeof body !== "object" || body === null) return body;
  const details = (body as { node_execution_details?: unknown }).node_execution_details;
  if (!Array.isArray(details)) return body;
  const shorten = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const size = Buffer.byteLength(JSON.stringify(value));
    return size > limitBytes ? { truncated: true, size_bytes: size } : value;
  };
  return {
    ...(body as object),
    node_execution_details: details.map((d: unknown) => {
      if (typeof d !== "object" || d === null || !Array.isArray((d as { executions?: unknown }).executions)) return d;
      const node = d as { executions: unknown[] };
      return {
        ...node,
        executions: node.executions.map((x) =>
          typeof x === "object" && x !== null
            ? { ...x, input: shorten((x as JsonObject).input), output: shorten((x as JsonObject).output) }
            : x,
        ),
      };
    }),
  };
}
