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
  /** `POST /v2/{project_id}/fgs/workflows/{workflow_id}/executions` (StartWorkflowExecution) */
  startExecution: "startExecution",
  /** `POST /v2/{project_id}/fgs/workflows/{workflow_id}/sync-executions` (StartSyncWorkflowExecution) */
  startSyncExecution: "startSyncExecution",
  /** `POST /v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}/terminate` */
  terminateExecution: "terminateExecution",
  /** `GET /v2/{project_id}/fgs/workflows` */
  listWorkflows: "listWorkflows",
  /** `GET /v3/projects` (IAM project discovery) */
  iamProjects: "iamProjects",
  /** Anything else (answered 404 or 405). */
  unknown: "unknown",
} as const;

/** One of the values of `ROUTES`. */
export type RouteName = (typeof ROUTES)[keyof typeof ROUTES];

/** The path parameters a route may have. */
export interface RouteParams {
  projectId?: string;
  workflowId?: string;
  executionId?: string;
}

/** The matched route, its path parameters, and whether the method is one the path serves. */
export interface RouteMatch {
  route: RouteName;
  params: RouteParams;
  methodAllowed: boolean;
  /** The path matched no route at all (404 rather than 405). */
  pathKnown: boolean;
  /** The methods the path serves, for a 405's `Allow` header. */
  allow: string[];
}

type MethodTable = Partial<Record<"GET" | "POST", RouteName>>;

/** The routes of a path under `/v2/{project_id}/fgs/workflows`, by the segments after it. */
function workflowPath(rest: readonly string[]): { table: MethodTable; workflowId?: string; executionId?: string } | undefined {
  const [workflowId, kind, executionId, action] = rest;
  if (rest.length === 0) return { table: { GET: ROUTES.listWorkflows } };
  if (rest.length === 2 && kind === "executions") return { table: { GET: ROUTES.listExecutions, POST: ROUTES.startExecution }, workflowId };
  if (rest.length === 2 && kind === "sync-executions") return { table: { POST: ROUTES.startSyncExecution }, workflowId };
  if (rest.length === 3 && kind === "executions") return { table: { GET: ROUTES.showExecution }, workflowId, executionId };
  if (rest.length === 4 && kind === "executions" && action === "terminate") {
    return { table: { POST: ROUTES.terminateExecution }, workflowId, executionId };
  }
  return undefined;
}

const UNKNOWN: RouteMatch = { route: ROUTES.unknown, params: {}, methodAllowed: false, pathKnown: false, allow: [] };

/**
 * Matches decoded path segments (`"/v2/p/fgs/workflows"` → `["", "v2", "p", "fgs", "workflows"]`). One
 * trailing slash is tolerated, since the signature is the same with or without it.
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  const s = segments.length > 1 && segments[segments.length - 1] === "" ? segments.slice(0, -1) : segments;
  if (s[0] !== "") return UNKNOWN;
  let table: MethodTable;
  let params: RouteParams = {};
  if (s.length === 3 && s[1] === "v3" && s[2] === "projects") {
    table = { GET: ROUTES.iamProjects };
  } else if (s[1] === "v2" && s[3] === "fgs" && s[4] === "workflows") {
    const found = workflowPath(s.slice(5));
    if (!found) return UNKNOWN;
    table = found.table;
    params = { projectId: s[2], workflowId: found.workflowId, executionId: found.executionId };
  } else {
    return UNKNOWN;
  }
  const allow = Object.keys(table);
  const route = table[method as keyof MethodTable];
  // A known path with another method is logged under the path's first route.
  return { route: route ?? (Object.values(table)[0] as RouteName), params, methodAllowed: route !== undefined, pathKnown: true, allow };
}
