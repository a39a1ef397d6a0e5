/**
 * ListWorkflows: `GET /v2/{project_id}/fgs/workflows?workflow_name=&limit=&offset=` →
 * `{total, size, workflows:[{id, workflow_urn, name, description, created_time, updated_time, created_by}]}`.
 *
 * `workflow_name` is a case-insensitive "contains" match, as the real API appears to do: searching
 * `release-checks` also finds `release-checks-v2`, so callers must filter for the exact name. `limit`
 * defaults to 200 and values above 200 are treated as 200 (documented); `total` counts every match.
 */
import { scenarioWorkflowUrn } from "./bodies";
import { badQuery, resolveWorkflow, single, type RequestContext } from "./context";
import { jsonReply, type Reply } from "./respond";
import { formatApiTime, resolveTime } from "./time";

/** Largest (and default) `limit`; larger values are clamped. */
export const WORKFLOWS_MAX_LIMIT = 200;

/** Answers one ListWorkflows request. */
export function listWorkflows(ctx: RequestContext): Reply {
  const resolved = resolveWorkflow(ctx);
  if ("reply" in resolved) return resolved.reply;
  const name = single(ctx.query, "workflow_name");
  const limitRaw = single(ctx.query, "limit");
  const offsetRaw = single(ctx.query, "offset");
  if (name === null || limitRaw === null || offsetRaw === null) return badQuery(ctx, "query parameters must be given once");
  if (limitRaw !== undefined && !/^\d+$/.test(limitRaw)) return badQuery(ctx, "limit must be a positive integer");
  if (offsetRaw !== undefined && !/^\d+$/.test(offsetRaw)) return badQuery(ctx, "offset must be a non-negative integer");
  const limit = Math.min(WORKFLOWS_MAX_LIMIT, limitRaw === undefined ? WORKFLOWS_MAX_LIMIT : Number(limitRaw));
  if (limit < 1) return badQuery(ctx, "limit must be a positive integer");
  const offset = offsetRaw === undefined ? 0 : Number(offsetRaw);

  const { scenario, base } = ctx.state;
  const needle = (name ?? "").toLowerCase();
  const matches = scenario.workflows.filter((w) => w.name.toLowerCase().includes(needle));
  const page = matches.slice(offset, offset + limit).map((w) => {
    const created = resolveTime(w.createdTime ?? "-30d", base);
    return {
      id: w.id,
      workflow_urn: scenarioWorkflowUrn(scenario, w),
      name: w.name,
      description: w.description ?? "",
      created_time: formatApiTime(created),
      updated_time: formatApiTime(w.updatedTime === undefined ? created : resolveTime(w.updatedTime, base)),
      created_by: w.createdBy ?? "emulator",
    };
  });
  return jsonReply(200, { total: matches.length, size: page.length, workflows: page });
}
