/**
 * Human-readable pieces of gate messages: which workflow, which run, which nodes failed and why.
 */
import { latestExecution } from "../model/map";
import { isFinalStatus, type WorkflowExecution } from "../model/types";
import { oneLine } from "../api/redact";

const MAX_NODES = 5;
const MAX_ERROR = 200;

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
