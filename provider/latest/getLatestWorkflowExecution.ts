/**
 * `getLatestWorkflowExecution`: find the run of a workflow (by ID or name) that began last in a time
 * window, read its full details, and gate on it exactly like `getWorkflowExecution`.
 *
 * Requests: one ListWorkflows scan when a name is given, one ListWorkflowExecutions scan (1 request per
 * 200 items, plus the empty page that shows the end: a list's `total`, `size` or a short page are not
 * trusted), one ShowWorkflowExecution read (and one per poll while waiting), and the IAM project
 * discovery when no project ID is configured.
 *
 * Time: with `waitForCompletion`, the whole call (lookup, paging, waiting for a run to appear, the wait
 * for completion) ends within `timeoutSeconds` plus READ_GRACE_MS; without, within `deadlineSeconds`.
 *
 * Waiting: the run is chosen once. `waitForCompletion` then polls that run by ID; a newer run that starts
 * during the wait is not switched to, because a gate that changes its subject mid-wait could chase a
 * stream of runs and never decide, and its verdict would be about a run the caller never saw chosen. Call
 * again (or redeploy) to gate on a newer run. Every read of the run must confirm the choice (./confirm).
 */
import { idFromResponse } from "../api/responseIds";
import { checkExecutionId } from "../config/ids";
import { readExecution } from "../api/executions";
import { ConfigurationError } from "../errors";
import { safeLine, makeScrubber } from "../api/redact";
import { fullHistoryOf } from "../gate/options";
import { scrubError } from "../api/scrubError";
import { limitPolicy, READ_GRACE_MS, type ReadLimits, startBound, within } from "../gate/bounds";
import { runGate } from "../gate/run";
import { gateRun, type InternalContext, prepareCall } from "../prepare";
import type { WorkflowExecution } from "../model/types";
import type { GetLatestWorkflowExecutionArgs } from "./args";
import { confirmChoice } from "./confirm";
import { NoExecutionFoundError } from "./errors";
import { lookUpLatest, remainingWait } from "./lookup";
import { normalizeLatestQuery } from "./options";

/** Internal knobs for tests, the CLI and the benchmark; not part of the public contract. */
export interface LatestInternalContext extends InternalContext {
  executionPaging?: { limit: number; maxPages: number };
  workflowPaging?: { limit: number; maxPages: number };
}

/**
 * Finds the latest execution of a workflow, reads it in full and applies the gate options.
 *
 * @throws ConfigurationError before any request for a missing/malformed setting or option; after the
 *   name lookup (setting `workflowName`) when no workflow or several have that exact name.
 * @throws NoExecutionFoundError when no run began in the window (after the wait, with `waitForCompletion`).
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when a request fails, or when the
 *   detailed read contradicts the list's choice.
 * @throws WorkflowGateError (mode `enforce`) when the chosen run does not pass the gate.
 */
export async function getLatestWorkflowExecution(
  args: GetLatestWorkflowExecutionArgs,
  context: LatestInternalContext = {},
): Promise<WorkflowExecution> {
  if (typeof args !== "object" || args === null) {
    throw new ConfigurationError("getLatestWorkflowExecution needs an arguments object with workflowId or workflowName");
  }
  const now = context.now ?? Date.now;
  const startedMs = now();
  const query = normalizeLatestQuery(args, startedMs);
  const call = prepareCall(args, context);
  const { gate, policy, settings } = call;
  const bound = startBound(gate.wait ? gate.wait.timeoutMs + READ_GRACE_MS : policy.deadlineMs, args.signal, now);
  try {
    const { executionPaging, workflowPaging, random } = context;
    const found = await lookUpLatest({ call, query, bound, startedMs, now, signal: args.signal, random, executionPaging, workflowPaging });
    const { projectId, workflowId, window, scan } = found;
    // The project and workflow IDs may have come from the service: scrubbed wherever they are quoted.
    const scrub = makeScrubber(settings.credentials);
    const latest = scan.latest;
    if (latest === undefined) {
      throw new NoExecutionFoundError({
        workflowId: safeLine(workflowId, scrub, 128),
        workflowName: query.workflowName,
        projectId: safeLine(projectId, scrub, 128),
        since: new Date(window.sinceMs).toISOString(),
        until: new Date(window.untilMs).toISOString(),
        status: query.status,
        scanned: scan.scanned,
        waitedMs: found.waitedMs,
      });
    }
    const line = `latest run of ${workflowId}: ${latest.executionId} (began ${latest.beginTime}; ${scan.scanned} runs in ${scan.pages} list pages)`;
    policy.debug?.(safeLine(line, scrub, 500));

    const listPath = `/v2/${projectId}/fgs/workflows/${workflowId}/executions`;
    const executionId = idFromResponse(latest.executionId, checkExecutionId, { method: "GET", path: listPath, pointer: "/executions/*/execution_id" });
    const ref = { endpoint: settings.endpoint, projectId, workflowId, executionId, fullHistory: fullHistoryOf(query.fullHistory, gate) };
    const site = { method: "GET", path: `${listPath}/${executionId}` };
    const choice = { workflowId, chosen: latest, runnerUp: scan.runnerUp, status: query.status, ...window };
    const read = async (limits?: ReadLimits) => {
      const execution = await readExecution(ref, settings.credentials, limitPolicy(policy, limits ?? bound.limits()));
      confirmChoice(execution, choice, site, scrub);
      return execution;
    };
    const wait = gate.wait && remainingWait(gate.wait, startedMs, now());
    const run = { ...gateRun(call, args, { ...context, now }, { ...gate, wait }), bound };
    return wait ? await runGate(read, run) : await within(bound, site, () => runGate(read, run));
  } catch (e) {
    throw scrubError(e, makeScrubber(settings.credentials));
  } finally {
    bound.dispose();
  }
}
