/**
 * The request pipeline, in the gateway's order: log → read body → route (404/405 APIGW.0101) → verify the
 * signature (401 APIGW.0301) → throttle (429 APIGW.0308) → the route's handler, possibly with a fault.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyRequest, type EmulatorCredential } from "./auth";
import type { RequestContext } from "./context";
import { performFault, type RouteOutcome } from "./faults";
import { listIamProjects } from "./iam";
import { listExecutions } from "./list-executions";
import { listWorkflows } from "./list-workflows";
import type { RecordedRequest } from "./options";
import { decodeSegments, flattenHeaders, parseQuery, readBody, splitUrl } from "./request";
import { GATEWAY_MESSAGES, errorReply, writeReply, type Reply } from "./respond";
import { ROUTES, matchRoute } from "./routes";
import { showExecution } from "./show-execution";
import { startExecution } from "./start";
import type { EmulatorState } from "./state";
import { terminateExecution } from "./terminate";
import type { Throttle } from "./throttle";

/** What the pipeline needs from the server. */
export interface HandlerDeps {
  state: EmulatorState;
  credentials: readonly EmulatorCredential[];
  now: () => number;
  maxSkewMs: number;
  startsAvailable: boolean;
  throttle?: Throttle;
  requests: RecordedRequest[];
  nextRequestId(): string;
  port(): number;
  sleep(ms: number): Promise<void>;
}

/** Header-safe one-line text (ASCII printable only). */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
}

/** The handler's decision for an authenticated request. */
function route(ctx: RequestContext, name: string): RouteOutcome {
  const reply = (r: Reply): RouteOutcome => ({ kind: "reply", reply: r });
  switch (name) {
    case ROUTES.listWorkflows:
      return reply(listWorkflows(ctx));
    case ROUTES.listExecutions:
      return reply(listExecutions(ctx));
    case ROUTES.iamProjects:
      return reply(listIamProjects(ctx));
    case ROUTES.startExecution:
      return startExecution(ctx, false);
    case ROUTES.startSyncExecution:
      return startExecution(ctx, true);
    case ROUTES.terminateExecution:
      return reply(terminateExecution(ctx));
    default:
      return showExecution(ctx);
  }
}

/** Handles one request; never throws (an unexpected error becomes a 500 or a destroyed socket). */
export async function handleRequest(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const nowMs = deps.now();
  const requestId = deps.nextRequestId();
  const method = req.method ?? "GET";
  const { rawPath, rawQuery } = splitUrl(req.url ?? "/");
  const query = parseQuery(rawQuery);
  const record: RecordedRequest = {
    method, path: rawPath, query, headers: flattenHeaders(req.headers), status: 0, at: nowMs, route: ROUTES.unknown, requestId,
  };
  deps.requests.push(record);
  const send = (reply: Reply): void => {
    record.status = reply.status;
    writeReply(res, reply, requestId);
  };
  try {
    const body = await readBody(req);
    if (body === undefined) return send(errorReply(413, "APIGW.0201", GATEWAY_MESSAGES.tooLarge, requestId));
    if (body.length > 0) record.body = body.toString("utf8");
    const segments = decodeSegments(rawPath);
    if (!segments) return send(errorReply(400, "APIGW.0201", GATEWAY_MESSAGES.badUri, requestId));
    const match = matchRoute(method, segments);
    record.route = match.route;
    record.workflowId = match.params.workflowId;
    record.executionId = match.params.executionId;
    if (!match.pathKnown) return send(errorReply(404, "APIGW.0101", GATEWAY_MESSAGES.notFound, requestId));
    if (!match.methodAllowed) {
      return send(errorReply(405, "APIGW.0101", GATEWAY_MESSAGES.methodNotAllowed, requestId, { Allow: match.allow.join(", ") }));
    }

    const auth = verifyRequest({ method, rawPath, rawQuery, headers: req.headers, body }, deps.credentials, nowMs, deps.maxSkewMs);
    if (!auth.ok) {
      record.authFailure = auth.reason;
      const msg = auth.expired ? GATEWAY_MESSAGES.expired : GATEWAY_MESSAGES.signature;
      // The short reason helps whoever debugs a client signer; the gateway's own message is unchanged.
      return send(errorReply(401, "APIGW.0301", msg, requestId, { "X-Emulator-Auth-Failure": headerSafe(auth.reason.split(";")[0] as string) }));
    }
    const token = deps.throttle?.take(auth.accessKey);
    if (token && !token.ok) {
      const limit = deps.throttle!.options.ratePerSecond;
      return send(errorReply(429, "APIGW.0308", GATEWAY_MESSAGES.throttled(limit), requestId, { "Retry-After": String(token.retryAfterSeconds) }));
    }

    const ctx: RequestContext = {
      state: deps.state, params: match.params, query, headers: req.headers, body, startsAvailable: deps.startsAvailable, nowMs, requestId,
    };
    const outcome = route(ctx, match.route);
    if (outcome.executionId !== undefined) record.executionId = outcome.executionId;
    if (outcome.kind === "reply") return send(outcome.reply);
    await performFault(outcome.fault, {
      req, res, requestId, port: deps.port(), nowMs, normal: outcome.normal, send, sleep: deps.sleep,
      sendHead: (status, headers) => {
        record.status = status;
        res.writeHead(status, headers);
      },
    });
  } catch (e) {
    if (!res.headersSent) send(errorReply(500, "FSS.0500", `Emulator error: ${(e as Error).message}`, requestId));
    else res.destroy();
  }
}
