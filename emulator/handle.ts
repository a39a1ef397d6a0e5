/**
 * The request pipeline, in the gateway's order: log → read body → route (404/405 APIGW.0101) → verify the
 * signature (401 APIGW.0301) → throttle (429 APIGW.0308) → the route's handler, possibly with a fault.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyRequest, type EmulatorCredential } from "./auth";
import type { RequestContext } from "./context";
import { performFault } from "./faults";
import { listIamProjects } from "./iam";
import { listExecutions } from "./list-executions";
import { listWorkflows } from "./list-workflows";
import type { RecordedRequest } from "./options";
import { decodeSegments, flattenHeaders, parseQuery, readBody, splitUrl } from "./request";
import { GATEWAY_MESSAGES, errorReply, writeReply, type Reply } from "./respond";
import { ROUTES, matchRoute } from "./routes";
import { showExecution } from "./show-execution";
import type { EmulatorState } from "./state";
import type { Throttle } from "./throttle";

/** What the pipeline needs from the server. */
export interface HandlerDeps {
  state: EmulatorState;
  credentials: readonly EmulatorCredential[];
  now: () => number;
  maxSkewMs: number;
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
    const segments = decodeSegments(rawPath);
    if (!segments) return send(errorReply(400, "APIGW.0201", GATEWAY_MESSAGES.badUri, requestId));
    const match = matchRoute(method, segments);
    record.route = match.route;
    record.workflowId = match.params.workflowId;
    record.executionId = match.params.executionId;
    if (!match.pathKnown) return send(errorReply(404, "APIGW.0101", GATEWAY_MESSAGES.notFound, requestId));
    if (!match.methodAllowed) return send(errorReply(405, "APIGW.0101", GATEWAY_MESSAGES.methodNotAllowed, requestId, { Allow: "GET" }));

    const auth = verifyRequest({ method, decodedPath: segments.join("/"), query, headers: req.headers, body }, deps.credentials, nowMs, deps.maxSkewMs);
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

    const ctx: RequestContext = { state: deps.state, params: match.params, query, headers: req.headers, nowMs, requestId };
    switch (match.route) {
      case ROUTES.listWorkflows:
        return send(listWorkflows(ctx));
      case ROUTES.listExecutions:
        return send(listExecutions(ctx));
      case ROUTES.iamProjects:
        return send(listIamProjects(ctx));
      default: {
        const outcome = showExecution(ctx);
        if (outcome.kind === "reply") return send(outcome.reply);
        await performFault(outcome.fault, {
          req, res, requestId, port: deps.port(), nowMs, normal: outcome.normal, send, sleep: deps.sleep,
          sendHead: (status, headers) => {
            record.status = status;
            res.writeHead(status, headers);
          },
        });
      }
    }
  } catch (e) {
    if (!res.headersSent) send(errorReply(500, "FSS.0500", `Emulator error: ${(e as Error).message}`, requestId));
    else res.destroy();
  }
}
