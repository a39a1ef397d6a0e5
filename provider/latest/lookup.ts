/**
 * The lookup before the read: the project (when not configured), the workflow (when given by name) and
 * the latest run in the window, listing again until one appears when the caller waits. Every request is
 * made under the call's time bound, so paging a long (or endless) list cannot outlast it.
 */
import { type Bound, limitPolicy, type ReadLimits, within } from "../gate/bounds";
import type { WaitPolicy } from "../gate/options";
import { type PreparedCall, projectIdOf } from "../prepare";
import { awaitLatest } from "./awaitLatest";
import { EXECUTION_PAGING, findLatest, type LatestScan } from "./findLatest";
import { type LatestQuery, windowAt } from "./options";
import { resolveWorkflowName, WORKFLOW_PAGING } from "./resolveWorkflow";

type Paging = { limit: number; maxPages: number };

/** What the lookup needs besides the prepared call and the checked query. */
export interface LookupSetup {
  call: PreparedCall;
  query: LatestQuery;
  bound: Bound;
  /** When the call began (on `now`'s clock): a wait's timeout counts from there. */
  startedMs: number;
  now: () => number;
  signal?: AbortSignal;
  random?: () => number;
  executionPaging?: Paging;
  workflowPaging?: Paging;
}

/** The workflow and project looked in, the window of the last scan, and what it found. */
export interface Found {
  projectId: string;
  workflowId: string;
  window: { sinceMs: number; untilMs: number };
  scan: LatestScan;
  /** Time from the call's start until the scan that found a run (or the wait's end); undefined without a wait. */
  waitedMs?: number;
}

/** The wait's timeout less the time already spent since `startedMs`. */
export function remainingWait(wait: WaitPolicy, startedMs: number, nowMs: number): WaitPolicy {
  return { ...wait, timeoutMs: Math.max(0, wait.timeoutMs - (nowMs - startedMs)) };
}

export async function lookUpLatest(s: LookupSetup): Promise<Found> {
  const { call, query, bound, now } = s;
  const { gate, policy, settings } = call;
  const { endpoint, credentials } = settings;
  const projectId =
    settings.projectId ??
    (await within(bound, { method: "GET", path: "(project discovery)" }, (l) => projectIdOf({ ...call, policy: limitPolicy(policy, l) })));
  const name = query.workflowName as string;
  const workflowId =
    query.workflowId ??
    (
      await within(bound, { method: "GET", path: `/v2/${projectId}/fgs/workflows` }, (l) =>
        resolveWorkflowName({ endpoint, projectId, name }, credentials, limitPolicy(policy, l), s.workflowPaging ?? WORKFLOW_PAGING),
      )
    ).id;
  let window = windowAt(query, now());
  const scan = (limits: ReadLimits): Promise<LatestScan> => {
    window = windowAt(query, now());
    const ref = { endpoint, projectId, workflowId, status: query.status, ...window };
    return findLatest(ref, credentials, limitPolicy(policy, limits), s.executionPaging ?? EXECUTION_PAGING);
  };
  if (!gate.wait) {
    const found = await within(bound, { method: "GET", path: `/v2/${projectId}/fgs/workflows/${workflowId}/executions` }, scan);
    return { projectId, workflowId, window, scan: found };
  }
  let told = false;
  const found = await awaitLatest(scan, remainingWait(gate.wait, s.startedMs, now()), {
    signal: s.signal,
    bound,
    random: s.random,
    now,
    onEmpty() {
      if (!told) call.logger?.info(`No run of workflow ${query.workflowName ?? workflowId} in the window yet; waiting for one to appear`);
      told = true;
    },
  });
  return { projectId, workflowId, window, scan: found, waitedMs: now() - s.startedMs };
}
