/** Builders of typed executions for gate unit tests (the mapping itself is tested in tests/model). */
import type { ExecutionStatus, NodeExecutionDetail, WorkflowExecution } from "../../provider/model/types";
import { isFinalStatus } from "../../provider/model/types";

export function node(name: string, status: ExecutionStatus, error?: string, requestId?: string): NodeExecutionDetail {
  return {
    nodeId: `id-${name}`,
    nodeName: name,
    executionId: `x-${name}`,
    executions: [{ status, beginTime: "2024-05-06T07:00:00.000Z", ...(error ? { error } : {}), ...(requestId ? { requestId } : {}) }],
  };
}

export function execution(status: ExecutionStatus, nodes: NodeExecutionDetail[] = [], beginTime = new Date().toISOString()): WorkflowExecution {
  const failed = new Set(["fail", "timeout", "cancel"]);
  return {
    workflowId: "wf-1",
    workflowUrn: "urn:fss:cn-north-4:p1:workflow:default:release-checks:latest",
    urn: { region: "cn-north-4", projectId: "p1", package: "default", workflowName: "release-checks", version: "latest" },
    executionId: "7f3c0000-exec",
    status,
    terminal: isFinalStatus(status),
    succeeded: status === "success",
    beginTime,
    nodes,
    failedNodes: nodes.filter((n) => failed.has(n.executions[0]?.status ?? "")),
  };
}
