/**
 * What a route handler gets, and the checks every `/v2/{project_id}/...` handler shares: id syntax (400)
 * and existence of the project and workflow (404).
 */
import type { IncomingHttpHeaders } from "node:http";
import { errorReply, type Reply } from "./respond";
import type { RouteMatch } from "./routes";
import type { ScenarioWorkflow } from "./scenario";
import type { EmulatorState } from "./state";

/** One authenticated request, as handlers see it. */
export interface RequestContext {
  state: EmulatorState;
  params: RouteMatch["params"];
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** The exact body bytes received. */
  body: Buffer;
  /** Whether the start APIs are offered (see `EmulatorOptions.startApis`). */
  startsAvailable: boolean;
  /** Emulator clock at arrival. */
  nowMs: number;
  requestId: string;
}

/** Documented length limits of the path parameters. */
const ID_LIMITS = { projectId: 64, workflowId: 512, executionId: 64 } as const;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** 400 FSS.0400 (with request_id) when a path id is empty, too long or has control characters. */
export function checkIds(ctx: RequestContext): Reply | undefined {
  for (const [name, max] of Object.entries(ID_LIMITS)) {
    const value = ctx.params[name as keyof typeof ID_LIMITS];
    if (value === undefined) continue;
    const field = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // Lengths count characters (code points), as the client does, not UTF-16 units.
    const length = [...value].length;
    if (length < 1 || length > max || CONTROL.test(value)) {
      return errorReply(400, "FSS.0400", `Invalid ${field}: must be 1..${max} characters without control characters`, ctx.requestId);
    }
  }
  return undefined;
}

/** 404 FSS.0404 (no request_id, as documented). */
export function notFound(what: string): Reply {
  return errorReply(404, "FSS.0404", `${what} does not exist`, undefined);
}

/** Checks ids and the project, and returns the workflow when `params.workflowId` is set. */
export function resolveWorkflow(ctx: RequestContext): { reply: Reply } | { workflow?: ScenarioWorkflow } {
  const bad = checkIds(ctx);
  if (bad) return { reply: bad };
  if (ctx.params.projectId !== ctx.state.scenario.projectId) return { reply: notFound(`project ${ctx.params.projectId}`) };
  if (ctx.params.workflowId === undefined) return {};
  const workflow = ctx.state.workflow(ctx.params.workflowId);
  return workflow ? { workflow } : { reply: notFound(`workflow ${ctx.params.workflowId}`) };
}

/** A query parameter given at most once; `null` when repeated (a 400 for every parameter we read). */
export function single(query: RequestContext["query"], key: string): string | undefined | null {
  const v = query[key];
  return Array.isArray(v) ? null : v;
}

/** 400 FSS.0400 for a bad query parameter. */
export function badQuery(ctx: RequestContext, message: string): Reply {
  return errorReply(400, "FSS.0400", message, ctx.requestId);
}
