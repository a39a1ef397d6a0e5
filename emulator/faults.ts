/**
 * Injected faults for requests to one execution: what a flaky network, a proxy or an overloaded service
 * does to a client. Each kind is documented on its type in `scenario.ts` and in README.md.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { GATEWAY_MESSAGES, errorReply, replyHeaders, type Reply } from "./respond";
import type { ScenarioFault } from "./scenario";
import { formatHttpDate, relativeOffsetMs } from "./time";

/** The normal answer a fault may deliver (late, mangled or partly). */
export interface NormalBody {
  reply: Reply;
  /** The JSON value behind the reply, when there is one (absent for `rawText` bodies). */
  value?: unknown;
}

/**
 * What a route handler decided: a plain reply, or a fault to perform with lazy access to the normal body.
 * `executionId` names the run a start created, for the request log.
 */
export type RouteOutcome =
  | { kind: "reply"; reply: Reply; executionId?: string }
  | { kind: "fault"; fault: ScenarioFault; normal: () => NormalBody; executionId?: string };

/** What a fault acts on. `send`/`sendHead` also record the status in the request log. */
export interface FaultIO {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  port: number;
  nowMs: number;
  normal(): NormalBody;
  send(reply: Reply): void;
  sendHead(status: number, headers: Record<string, string | number>): void;
  sleep(ms: number): Promise<void>;
}

/** The first fault whose `attempts` covers this 1-based attempt number. */
export function pickFault(faults: readonly ScenarioFault[] | undefined, attempt: number): ScenarioFault | undefined {
  return faults?.find((f) =>
    f.attempts === "every" ? true : Array.isArray(f.attempts) ? f.attempts.includes(attempt) : f.attempts === attempt,
  );
}

/** Only a merely late answer is a complete read of the execution; every other fault is not a poll. */
export function countsAsPoll(fault: ScenarioFault | undefined): boolean {
  return fault === undefined || fault.kind === "delay";
}

const DEFAULT_ERRORS: Record<number, [string, string]> = {
  400: ["FSS.0400", "Invalid request parameter"],
  401: ["APIGW.0301", GATEWAY_MESSAGES.signature],
  403: ["APIGW.0302", "The IAM user is not authorized to access the API"],
  404: ["FSS.0404", "The resource does not exist"],
  408: ["FSS.0408", "Request timeout"],
  429: ["APIGW.0308", GATEWAY_MESSAGES.throttled(200)],
  500: ["FSS.0500", "Internal server error, please retry later"],
  501: ["FSS.0501", "Not implemented"],
  502: ["APIGW.0201", "Backend unavailable"],
  503: ["FSS.0503", "Service unavailable, please retry later"],
  504: ["APIGW.0201", "Backend timeout"],
};

function retryAfterValue(value: number | string, nowMs: number): string {
  if (typeof value === "number") return String(value);
  const offset = relativeOffsetMs(value);
  return offset === undefined ? value : formatHttpDate(nowMs + offset);
}

function statusReply(f: Extract<ScenarioFault, { kind: "status" }>, io: FaultIO): Reply {
  const headers: Record<string, string> = { ...f.headers };
  if (f.retryAfter !== undefined) headers["Retry-After"] = retryAfterValue(f.retryAfter, io.nowMs);
  const [code, msg] = DEFAULT_ERRORS[f.status] ?? [`FSS.0${f.status}`, `Emulated HTTP ${f.status}`];
  if (f.body !== undefined) {
    const body = typeof f.body === "string" ? f.body : JSON.stringify(f.body);
    return { status: f.status, body, headers, contentType: f.contentType };
  }
  // FunctionGraph's documented 404 body has no request_id; every other error body has one.
  const reply = errorReply(f.status, f.errorCode ?? code, f.errorMsg ?? msg, f.status === 404 ? undefined : io.requestId, headers);
  return { ...reply, contentType: f.contentType };
}

function htmlPage(status: number): string {
  const title = `${status} ${status === 502 ? "Bad Gateway" : status === 503 ? "Service Temporarily Unavailable" : "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** The normal body made larger than `minBytes`: padding inside `output` keeps it valid JSON. */
function oversize(normal: NormalBody, minBytes: number): Buffer {
  const current = Buffer.byteLength(normal.reply.body);
  const need = Math.max(0, minBytes - current) + 1;
  const v = normal.value;
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    const output = typeof obj.output === "object" && obj.output !== null ? obj.output : {};
    return Buffer.from(JSON.stringify({ ...obj, output: { ...output, padding: "x".repeat(need) } }));
  }
  return Buffer.concat([Buffer.from(normal.reply.body), Buffer.alloc(need, 0x20)]);
}

function bodyBytes(reply: Reply): Buffer {
  return typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
}

/** Carries out `fault`; resolves once the fault has done its part (a stalled body never ends). */
export async function performFault(f: ScenarioFault, io: FaultIO): Promise<void> {
  if (f.delayHeadersMs) await io.sleep(f.delayHeadersMs);
  const socket = io.req.socket;
  switch (f.kind) {
    case "delay":
      return io.send(io.normal().reply);
    case "status":
      return io.send(statusReply(f, io));
    case "htmlError": {
      const status = f.status ?? 502;
      return io.send({ status, body: htmlPage(status), contentType: "text/html" });
    }
    case "emptyBody":
      return io.send({ status: f.status ?? 200, body: "" });
    case "wrongContentType":
      return io.send({ ...io.normal().reply, contentType: f.contentType ?? "text/plain" });
    case "truncatedJson": {
      const body = bodyBytes(io.normal().reply);
      return io.send({ status: 200, body: body.subarray(0, f.bytes ?? Math.floor(body.length / 2)) });
    }
    case "oversizeBody": {
      const normal = io.normal();
      return io.send({ ...normal.reply, body: oversize(normal, f.minBytes) });
    }
    case "redirect": {
      const location = f.location ?? `http://127.0.0.2:${io.port}${io.req.url ?? "/"}`;
      return io.send({ status: f.status ?? 302, body: "", headers: { Location: location } });
    }
    case "stallBody":
    case "resetMidBody": {
      const reply = io.normal().reply;
      const body = bodyBytes(reply);
      const n = f.afterBytes ?? (f.kind === "resetMidBody" ? Math.floor(body.length / 2) : 0);
      // The full Content-Length is announced, so the client knows the body is incomplete.
      io.sendHead(200, replyHeaders(reply, io.requestId, body.length));
      io.res.flushHeaders();
      if (n > 0) io.res.write(body.subarray(0, n));
      if (f.kind === "stallBody") return; // never finishes; close() destroys the socket
      // Let the partial body reach the client before the reset.
      await io.sleep(50);
      socket.resetAndDestroy();
      return;
    }
    case "resetBeforeResponse":
      socket.resetAndDestroy();
      return;
    case "closeWithoutResponse":
      socket.end();
      return;
  }
}
