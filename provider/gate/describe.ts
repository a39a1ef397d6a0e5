/**
 * Human-readable pieces of gate messages: which workflow, which run, which nodes failed and why.
 */
import { isFinalStatus, type NodeExecution, type NodeExecutionDetail, type WorkflowExecution } from "../model/types";
import { oneLine } from "../api/redact";

const MAX_NODES = 5;
const MAX_ERROR = 200;

/** The execution of a node that counts: the one that began last (ties: the later one in the list). */
export function latestExecution(node: NodeExecutionDetail): NodeExecution | undefined {
  let latest: NodeExecution | undefined;
  let latestAt = -Infinity;
  for (const e of node.executions) {
    // The same rule as the model's failedNodes: a missing begin time counts as 0, ties go to the later one.
    const at = e.beginTime === undefined ? 0 : Date.parse(e.beginTime);
    if (at >= latestAt) {
      latest = e;
      latestAt = at;
    }
  }
  return latest;
}

/** `Workflow <name> execution <id>` (the name from the URN). */
export function runLabel(e: WorkflowExecution): string {
  return `Workflow ${oneLine(e.urn.workflowName, 128)} execution ${oneLine(e.executionId, 64)}`;
}

/** `node integration-tests failed: <error> (request id rq-b)`; for each failed node, capped. */
export function failedNodesText(e: WorkflowExecution): string {
  const parts = e.failedNodes.slice(0, MAX_NODES).map((node) => {
    const last = latestExecution(node);
    const verb = last?.status === "fail" ? "failed" : `ended ${last?.status ?? "unknown"}`;
    // Names and texts come from the service: one line each, control characters removed.
    let text = `node ${oneLine(node.nodeName, 128)} ${verb}`;
    if (last?.error) text += `: ${oneLine(last.error, MAX_ERROR)}`;
    if (last?.requestId) text += ` (request id ${oneLine(last.requestId, 128)})`;
    return text;
  });
  if (e.failedNodes.length > MAX_NODES) parts.push(`and ${e.failedNodes.length - MAX_NODES} more failed nodes`);
  return parts.join("; ");
}

/** Nodes whose latest execution is final, and all nodes. */
export function nodeProgress(e: WorkflowExecution): { finished: number; total: number } {
  let finished = 0;
  for (const n of e.nodes) {
    const s = latestExecution(n)?.status;
    if (s !== undefined && isFinalStatus(s)) finished++;
  }
  return { finished, total: e.nodes.length };
}
