/**
 * `getLatestWorkflowExecution`: find the run of a workflow (by ID or name) that began last in a time
 * window, read its full details, and gate on it exactly like `getWorkflowExecution`.
 *
 * Requests: one ListWorkflows scan when a name is given (1 request per 200 workflows matching the name
 * filter), one ListWorkflowExecutions scan (1 request per 200 runs in the window, plus one for the page
 * that shows the end when the last page is full), one ShowWorkflowExecution read (and one per poll while
 * waiting), and the IAM project discovery when no project ID is configured.
 *
 * Waiting: the run is chosen once. `waitForCompletion` then polls that run by ID; a newer run that starts
 * during the wait is not switched to, because a gate that changes its subject mid-wait could chase a
 * stream of runs and never decide, and its verdict would be about a run the caller never saw chosen. Call
 * again (or redeploy) to gate on a newer run. When the window holds no run yet, the wait first lists
 * again until one appears, within the same `timeoutSeconds`.
 */
import { idFromResponse } from "../api/responseIds";
import { checkExecutionId } from "../config/ids";
import { readExecution } from "../api/executions";
import { ConfigurationError, ResponseValidationError } from "../errors";
import type { GatePolicy } from "../gate/options";
import { runGate } from "../gate/run";
import { gateRun, type InternalContext, prepareCall, projectIdOf } from "../prepare";
import type { WorkflowExecution } from "../model/types";
import type { GetLatestWorkflowExecutionArgs } from "./args";
import { awaitLatest } from "./awaitLatest";
import { NoExecutionFoundError } from "./errors";
import { EXECUTION_PAGING, findLatest, type LatestScan } from "./findLatest";
import { normalizeLatestQuery, windowAt } from "./options";
import { resolveWorkflowName, WORKFLOW_PAGING } from "./resolveWorkflow";

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
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when a request fails.
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
  const query = normalizeLatestQuery(args, now());
  const call = prepareCall(args, context);
  const { gate, policy, settings, logger } = call;
  const { endpoint, credentials } = settings;
  const projectId = await projectIdOf(call);
  const workflowId =
    query.workflowId ??
    (await resolveWorkflowName({ endpoint, projectId, name: query.workflowName as string }, credentials, policy, context.workflowPaging ?? WORKFLOW_PAGING)).id;

  let window = windowAt(query, now());
  const scan = (): Promise<LatestScan> => {
    window = windowAt(query, now());
    const ref = { endpoint, projectId, workflowId, status: query.status, ...window };
    return findLatest(ref, credentials, policy, context.executionPaging ?? EXECUTION_PAGING);
  };
  let found: LatestScan;
  let waitedMs: number | undefined;
  if (gate.wait) {
    let told = false;
    const outcome = await awaitLatest(scan, gate.wait, {
      signal: args.signal,
      random: context.random,
      now,
      onEmpty() {
        if (!told) logger?.info(`No run of workflow ${query.workflowName ?? workflowId} in the window yet; waiting for one to appear`);
        told = true;
      },
    });
    found = outcome.scan;
    waitedMs = outcome.waitedMs;
  } else {
    found = await scan();
  }
  const latest = found.latest;
  if (latest === undefined) {
    throw new NoExecutionFoundError({
      workflowId,
      workflowName: query.workflowName,
      projectId,
      since: new Date(window.sinceMs).toISOString(),
      until: new Date(window.untilMs).toISOString(),
      status: query.status,
      scanned: found.scanned,
      waitedMs,
    });
  }
  policy.debug?.(
    `latest run of ${workflowId}: ${latest.executionId} (began ${latest.beginTime ?? "unknown"}; ${found.scanned} runs in ${found.pages} list pages)`,
  );

  const listPath = `/v2/${projectId}/fgs/workflows/${workflowId}/executions`;
  const executionId = idFromResponse(latest.executionId, checkExecutionId, { method: "GET", path: listPath, pointer: "/executions/*/execution_id" });
  const ref = { endpoint, projectId, workflowId, executionId, fullHistory: query.fullHistory };
  const read = async () => {
    const execution = await readExecution(ref, credentials, policy);
    // Asked by name: the run's URN must name that workflow, or the gate would decide on another one.
    if (query.workflowName !== undefined && execution.urn.workflowName !== query.workflowName) {
      throw new ResponseValidationError(
        { method: "GET", path: `/v2/${projectId}/fgs/workflows/${workflowId}/executions/${executionId}` },
        [{ pointer: "/workflow_urn", expected: `a URN naming workflow ${JSON.stringify(query.workflowName)}` }],
      );
    }
    return execution;
  };
  return runGate(read, gateRun(call, args, { ...context, now }, remainingWait(gate, waitedMs)));
}

/** The time spent waiting for a run to appear comes out of the same `timeoutSeconds`. */
function remainingWait(gate: GatePolicy, waitedMs: number | undefined): GatePolicy {
  if (!gate.wait || !waitedMs) return gate;
  return { ...gate, wait: { ...gate.wait, timeoutMs: Math.max(0, gate.wait.timeoutMs - waitedMs) } };
}
