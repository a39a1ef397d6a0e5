/**
 * Terminating a run: `POST .../workflows/{workflow_id}/executions/{execution_id}/terminate` answers an
 * empty 200 and the run becomes `cancel`led, frozen as it was (see `run-view.ts`). A run that has already
 * ended cannot be stopped: 400 FSS.0400 says so (the service's answer here is not documented; refusing
 * makes a client handle the race between its give-up and the run's end).
 */
import { notFound, resolveWorkflow, type RequestContext } from "./context";
import { isVisible } from "./progress";
import { errorReply, type Reply } from "./respond";
import { hasEnded, viewAt } from "./run-view";

/** Answers one terminate request. */
export function terminateExecution(ctx: RequestContext): Reply {
  const resolved = resolveWorkflow(ctx);
  if ("reply" in resolved) return resolved.reply;
  const { state } = ctx;
  const executionId = ctx.params.executionId as string;
  const entry = state.execution(ctx.params.workflowId as string, executionId);
  if (!entry || !isVisible(entry.execution, state.listCallCount(entry.workflow.id), ctx.nowMs - state.baseOf(entry))) {
    return notFound(`execution ${executionId}`);
  }
  const e = entry.execution;
  if (e.status === undefined) {
    return errorReply(400, "FSS.0400", `execution ${executionId} has a scripted raw body; the emulator cannot terminate it`, ctx.requestId);
  }
  const status = viewAt(entry, state, state.pollCount(executionId), ctx.nowMs).status;
  if (hasEnded(status)) return errorReply(400, "FSS.0400", `execution ${executionId} has already ended with status ${status}`, ctx.requestId);
  state.terminate(executionId, ctx.nowMs);
  return { status: 200, body: "" };
}
