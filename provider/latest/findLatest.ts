/**
 * Scans ListWorkflowExecutions over a time window and keeps the run that began last (see `./rank`).
 * Every page is read because the API documents no sort order: the newest run may be on any page.
 * The window and status are sent to the server and applied again to each item, so a server that filters
 * loosely (or not at all) cannot make an out-of-window run the latest. A run without a begin time cannot
 * be shown to be in the window, so it is never chosen.
 */
import { callApi, type RequestPolicy } from "../api/client";
import { ConfigurationError, ResponseValidationError } from "../errors";
import { safeLine, makeScrubber } from "../api/redact";
import type { Credentials } from "../api/signer";
import type { ExecutionListBody } from "../model/bodies";
import { toExecutionSummaries } from "../model/listMap";
import type { ExecutionSummary } from "../model/summary";
import type { ListStatus } from "./args";
import { queryTime } from "./options";
import { pageThrough } from "./paging";
import { type Podium, rankRun } from "./rank";

/** Where to look: the workflow, the window (epoch ms, inclusive) and the status filter. */
export interface ExecutionSearchRef {
  endpoint: URL;
  projectId: string;
  workflowId: string;
  status?: ListStatus;
  sinceMs: number;
  untilMs: number;
}

/** Result of one scan. */
export interface LatestScan extends Podium {
  /** Undefined when no run in the window passed the filters. */
  latest?: ExecutionSummary;
  /** The run just behind `latest`, which the detailed read of `latest` must not rank below. */
  runnerUp?: ExecutionSummary;
  /** Distinct executions served. */
  scanned: number;
  /** List requests made (retries of one request not counted). */
  pages: number;
}

/** Page size (the documented maximum) and page cap: 1,000 pages = 200,000 runs in one window. */
export const EXECUTION_PAGING = { limit: 200, maxPages: 1000 };

/** True when the run began inside the window (and has the asked status). */
function counts(e: ExecutionSummary, ref: ExecutionSearchRef): boolean {
  if (ref.status !== undefined && e.status !== ref.status) return false;
  if (e.beginTime === undefined) return false;
  const began = Date.parse(e.beginTime);
  return began >= ref.sinceMs && began <= ref.untilMs;
}

/**
 * Finds the latest run of a workflow in `[sinceMs, untilMs]`, with the status filter.
 *
 * @throws ResponseValidationError when an item names another workflow or the server ignores `offset`.
 * @throws ConfigurationError (setting `since`) when the window holds more runs than the page cap.
 * @throws FunctionGraphApiError, TransportError when a list request fails.
 */
export async function findLatest(
  ref: ExecutionSearchRef,
  credentials: Credentials,
  policy: RequestPolicy,
  paging = EXECUTION_PAGING,
): Promise<LatestScan> {
  const segments = ["v2", ref.projectId, "fgs", "workflows", ref.workflowId, "executions"];
  const site = { method: "GET", path: `/${segments.join("/")}` };
  const window = { start_time: queryTime(ref.sinceMs, "down"), end_time: queryTime(ref.untilMs, "up") };
  // The workflow ID may have come from the service (a name lookup): scrubbed before it is quoted.
  const workflow = safeLine(ref.workflowId, makeScrubber(credentials), 128);
  let podium: Podium = {};
  const stats = await pageThrough<ExecutionSummary>({
    ...paging,
    site,
    key: (e) => e.executionId,
    onItem(e) {
      if (e.workflowId !== ref.workflowId) {
        // A proxy or cache answering for another workflow: fail closed rather than gate on a stranger's run.
        throw new ResponseValidationError(site, [{ pointer: "/executions/workflow_id", expected: `the requested workflow ID ${workflow}` }]);
      }
      if (counts(e, ref)) podium = rankRun(podium, e);
    },
    tooMany: (pages, items) =>
      new ConfigurationError(
        `More than ${items} executions of workflow ${workflow} in the window (${pages} pages of ${paging.limit}): narrow it with since/until or status`,
        "since",
      ),
    fetch: async (offset, limit) => {
      const query: Record<string, string> = { ...window, limit: String(limit), offset: String(offset) };
      if (ref.status !== undefined) query.status = ref.status;
      const { body } = await callApi(
        { base: ref.endpoint, method: "GET", segments, query, headers: { "X-Project-Id": ref.projectId }, kind: "executionList" },
        credentials,
        policy,
      );
      return toExecutionSummaries(body as ExecutionListBody);
    },
  });
  return { ...podium, scanned: stats.items, pages: stats.pages };
}
