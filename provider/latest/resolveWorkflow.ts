/**
 * Workflow name → ID through ListWorkflows. The API's `workflow_name` filter is not documented as exact
 * (a "contains" match would be typical), so every page is read and only exact, case-sensitive matches
 * count. The name is the user's input, so no match or several are ConfigurationErrors on `workflowName`.
 */
import { idFromResponse } from "../api/responseIds";
import { checkWorkflowId } from "../config/ids";
import { callApi, type RequestPolicy } from "../api/client";
import { ConfigurationError } from "../errors";
import { safeLine, makeScrubber } from "../api/redact";
import type { Credentials } from "../api/signer";
import type { WorkflowListBody } from "../model/bodies";
import { toWorkflowSummaries } from "../model/listMap";
import type { WorkflowSummary } from "../model/summary";
import { pageThrough } from "./paging";

/** The name to resolve and the project to look in. */
export interface WorkflowNameRef {
  endpoint: URL;
  projectId: string;
  name: string;
}

/** Page size and page cap (100 pages = 20,000 workflows matching the filter). */
export const WORKFLOW_PAGING = { limit: 200, maxPages: 100 };

const SHOWN = 5;

/**
 * Finds the one workflow named exactly `ref.name`.
 *
 * @throws ConfigurationError (setting `workflowName`) when no workflow or several have that exact name.
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when a list request fails.
 */
export async function resolveWorkflowName(
  ref: WorkflowNameRef,
  credentials: Credentials,
  policy: RequestPolicy,
  paging = WORKFLOW_PAGING,
): Promise<WorkflowSummary> {
  const segments = ["v2", ref.projectId, "fgs", "workflows"];
  // Names and IDs in the messages below came from the service (or a discovered project): scrubbed first.
  const scrub = makeScrubber(credentials);
  const text = (s: string) => safeLine(s, scrub, 128);
  const project = text(ref.projectId);
  const exact: WorkflowSummary[] = [];
  const others: string[] = [];
  await pageThrough<WorkflowSummary>({
    ...paging,
    site: { method: "GET", path: `/${segments.join("/")}` },
    key: (w) => w.id,
    onItem: (w) => (w.name === ref.name ? exact.push(w) : others.push(w.name)),
    tooMany: (pages, items) =>
      new ConfigurationError(
        `The name filter for ${JSON.stringify(ref.name)} matched more than ${items} workflows (${pages} pages); pass workflowId instead`,
        "workflowName",
      ),
    fetch: async (offset, limit) => {
      const query = { workflow_name: ref.name, limit: String(limit), offset: String(offset) };
      const { body } = await callApi(
        { base: ref.endpoint, method: "GET", segments, query, headers: { "X-Project-Id": ref.projectId }, kind: "workflowList" },
        credentials,
        policy,
      );
      return toWorkflowSummaries(body as WorkflowListBody);
    },
  });
  if (exact.length === 1) {
    const found = exact[0] as WorkflowSummary;
    const where = { method: "GET", path: `/v2/${ref.projectId}/fgs/workflows`, pointer: "/workflows/*/id" };
    return { ...found, id: idFromResponse(found.id, checkWorkflowId, where) };
  }
  if (exact.length === 0) {
    // Near misses (other case, prefix) are the usual mistake: name a few so the fix is obvious.
    const similar = others.length === 0 ? "" : `; the name filter also matched ${quoteList(others.map(text))}`;
    throw new ConfigurationError(
      `No workflow named ${JSON.stringify(ref.name)} in project ${project} (names are matched exactly and case-sensitively${similar})`,
      "workflowName",
    );
  }
  throw new ConfigurationError(
    `${exact.length} workflows are named ${JSON.stringify(ref.name)} in project ${project} ` +
      `(IDs ${exact.map((w) => text(w.id)).join(", ")}): pass workflowId to choose one`,
    "workflowName",
  );
}

function quoteList(names: string[]): string {
  const shown = names.slice(0, SHOWN).map((n) => JSON.stringify(n)).join(", ");
  return names.length > SHOWN ? `${shown} and ${names.length - SHOWN} more` : shown;
}
