/**
 * ShowWorkflowExecution: `GET /v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}`.
 *
 * Counting: every request that reaches a known execution is an *attempt* (faults are keyed by it); a
 * request answered with the complete normal body is a *poll* (progress stages are keyed by it), so a 429
 * followed by a retry does not make a run progress twice as fast.
 */
import { notFound, resolveWorkflow, type RequestContext } from "./context";
import { countsAsPoll, pickFault, type NormalBody, type RouteOutcome } from "./faults";
import { isVisible } from "./progress";
import { renderExecution } from "./render";

/** `X-Get-Workflow-Full-History-Data: true` (any case) asks for complete node data. */
export function wantsFullHistory(ctx: RequestContext): boolean {
  const v = ctx.headers["x-get-workflow-full-history-data"];
  return typeof v === "string" && v.trim().toLowerCase() === "true";
}

/** Answers one ShowWorkflowExecution request: a reply, or a fault to perform. */
export function showExecution(ctx: RequestContext): RouteOutcome {
  const resolved = resolveWorkflow(ctx);
  if ("reply" in resolved) return { kind: "reply", reply: resolved.reply };
  const { state } = ctx;
  const executionId = ctx.params.executionId as string;
  const entry = state.execution(ctx.params.workflowId as string, executionId);
  if (!entry || !isVisible(entry.execution, state.listCallCount(entry.workflow.id), ctx.nowMs - state.baseOf(entry))) {
    return { kind: "reply", reply: notFound(`execution ${executionId}`) };
  }
  const attempt = state.nextAttempt(executionId);
  const fault = pickFault(entry.execution.faults, attempt);
  // Render against the polls answered *before* this one: "after 2 polls" means the third read changes.
  const pollsBefore = state.pollCount(executionId);
  if (countsAsPoll(fault)) state.countPoll(executionId);
  const full = wantsFullHistory(ctx);
  const normal = (): NormalBody => renderExecution(entry, state, pollsBefore, ctx.nowMs, full);
  return fault ? { kind: "fault", fault, normal } : { kind: "reply", reply: normal().reply };
}
