/**
 * Human-readable pieces of gate messages: which workflow, which run, which nodes failed and why.
 */
import type { NodeExecution, NodeExecutionDetail, WorkflowExecution } from "../model/types";

const MAX_NODES = 5;
const MAX_ERROR = 200;

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** The execution of a node that counts: the one that began last (ties: the later one in the list). */
export function latestExecution(node: NodeExecutionDetail): NodeExecution | undefined {
  let latest: NodeExecution | undefined;
  let latestAt = "";
  for (const e of node.executions) {
    // The model's times are all `toISOString()` text of four-digit years, so they order as strings.
    const at = e.beginTime ?? "";
    if (latest === undefined || at >= latestAt) {
      latest = e;
      latestAt = at;
    }
  }
  return latest;
}

/** `Workflow <name> execution <id>` (the name from the URN). */
export function runLabel(e: WorkflowExecution): string {
  return `Workflow ${e.urn.workflowName} execution ${e.executionId}`;
}

/** `node integration-tests failed: <error> (request id rq-b)`; for each failed node, capped. */
export function failedNodesText(e: WorkflowExecution): string {
  const parts = e.failedNodes.slice(0, MAX_NODES).map((node) => {
    const last = latestExecution(node);
    const verb = last?.status === "fail" ? "failed" : `ended ${last?.status ?? "unknown"}`;
    let text = `node ${node.nodeName} ${verb}`;
    if (last?.error) text += `: ${cut(last.error, MAX_ERROR)}`;
    if (last?.requestId) text += ` (request id ${last.requestId})`;
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
    if (s === "success" || s === "fail" || s === "timeout" || s === "cancel") finished++;
  }
  return { finished, total: e.nodes.length };
}
