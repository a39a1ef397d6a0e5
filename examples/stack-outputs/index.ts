/**
 * Publish a workflow run's outcome as stack outputs for other stacks (StackReference) and CI
 * (`pulumi stack output --json`): status, URN, failed nodes with their errors. `mode: "report"` never
 * fails the update, so the outputs are there for the reader to decide. Uses the Output function, which
 * writes nothing to state except these exports.
 *
 * Stack config (project namespace): workflowId, executionId (required); region, projectId, endpoint.
 */
import * as pulumi from "@pulumi/pulumi";
import type { NodeExecutionDetail } from "fgs-workflow-gate";
import { getWorkflowExecutionOutput } from "fgs-workflow-gate/pulumi";

const config = new pulumi.Config();

const execution = getWorkflowExecutionOutput({
  workflowId: config.require("workflowId"),
  executionId: config.require("executionId"),
  region: config.get("region"),
  projectId: config.get("projectId"),
  endpoint: config.get("endpoint"),
  mode: "report",
});

/** One line per failed node: what CI prints and other stacks branch on. */
function describeNode(node: NodeExecutionDetail) {
  const last = node.executions[node.executions.length - 1];
  return { name: node.nodeName, id: node.nodeId, status: last?.status, error: last?.error };
}

export const status = execution.status;
export const succeeded = execution.succeeded;
export const terminal = execution.terminal;
export const workflowUrn = execution.workflowUrn;
export const workflowName = execution.urn.workflowName;
export const beginTime = execution.beginTime;
export const durationMs = execution.durationMs;
export const failedNodes = execution.failedNodes.apply((nodes) => nodes.map(describeNode));
// The run's payloads are deliberately not exported: getWorkflowExecutionOutput leaves them out by default.
