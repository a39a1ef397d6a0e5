/**
 * IAM project discovery: `GET /v3/projects?name=<region>` → `{projects:[{id, name, domain_id, enabled}]}`.
 * The scenario decides how many projects a region has (zero, one, several), so clients can test the
 * "exactly one" rule. Without `name`, every project is listed.
 */
import type { RequestContext } from "./context";
import { badQuery, single } from "./context";
import { jsonReply, type Reply } from "./respond";
import type { ScenarioIamProject } from "./scenario";

/** Answers one `GET /v3/projects` request. */
export function listIamProjects(ctx: RequestContext): Reply {
  const name = single(ctx.query, "name");
  if (name === null) return badQuery(ctx, "name must be given once");
  const { scenario, domainId } = ctx.state;
  const byRegion: Record<string, ScenarioIamProject[]> = scenario.iamProjects ?? { [scenario.region]: [{ id: scenario.projectId }] };
  const regions = name === undefined ? Object.keys(byRegion) : [name];
  const projects = regions.flatMap((region) =>
    (Object.prototype.hasOwnProperty.call(byRegion, region) ? (byRegion[region] as ScenarioIamProject[]) : []).map((p) => ({
      id: p.id,
      name: p.name ?? region,
      domain_id: p.domainId ?? domainId,
      enabled: p.enabled ?? true,
    })),
  );
  return jsonReply(200, { projects });
}
