/**
 * Route matching on the decoded path. Unknown paths are 404 and known paths with another method 405, both
 * APIGW.0101, decided before authentication as the gateway does (it must find the API to know its auth).
 */

/** Route names as recorded in the request log and accepted by `countRequests({ route })`. */
export const ROUTES = {
  /** `GET /v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}` */
  showExecution: "showExecution",
  /** `GET /v2/{project_id}/fgs/workflows/{workflow_id}/executions` */
  listExecutions: "listExecutions",
  /** `GET /v2/{project_id}/fgs/workflows` */
  listWorkflows: "listWorkflows",
  /** `GET /v3/projects` (IAM project discovery) */
  iamProjects: "iamProjects",
  /** Anything else (answered 404 or 405). */
  unknown: "unknown",
} as const;

/** One of the values of `ROUTES`. */
export type RouteName = (typeof ROUTES)[keyof typeof ROUTES];

/** The matched route, its path parameters, and whether the method is the one the route serves. */
export interface RouteMatch {
  route: RouteName;
  params: { projectId?: string; workflowId?: string; executionId?: string };
  methodAllowed: boolean;
  /** The path matched no route at all (404 rather than 405). */
  pathKnown: boolean;
}

/**
 * Matches decoded path segments (`"/v2/p/fgs/workflows"` → `["", "v2", "p", "fgs", "workflows"]`). One
 * trailing slash is tolerated, since the signature is the same with or without it.
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  const s = segments.length > 1 && segments[segments.length - 1] === "" ? segments.slice(0, -1) : segments;
  const get = method === "GET";
  const found = (route: RouteName, params: RouteMatch["params"] = {}): RouteMatch => ({
    route,
    params,
    methodAllowed: get,
    pathKnown: true,
  });
  if (s[0] !== "") return { route: ROUTES.unknown, params: {}, methodAllowed: false, pathKnown: false };
  if (s.length === 3 && s[1] === "v3" && s[2] === "projects") return found(ROUTES.iamProjects);
  if (s[1] === "v2" && s[3] === "fgs" && s[4] === "workflows") {
    const projectId = s[2] as string;
    if (s.length === 5) return found(ROUTES.listWorkflows, { projectId });
    if (s.length === 7 && s[6] === "executions") return found(ROUTES.listExecutions, { projectId, workflowId: s[5] });
    if (s.length === 8 && s[6] === "executions") {
      return found(ROUTES.showExecution, { projectId, workflowId: s[5], executionId: s[7] });
    }
  }
  return { route: ROUTES.unknown, params: {}, methodAllowed: false, pathKnown: false };
}
