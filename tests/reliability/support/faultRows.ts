/**
 * The fault matrix as data: one row per way the network or the service can misbehave, with the outcome
 * the client must produce and the number of requests the serving side must have seen. Rows are run by
 * `faults.test.ts` (one test each) and again by `secrets.test.ts` (all of them, hunting for leaks).
 *
 * Retries are made fast with `random: () => 0` (the jittered backoff is then 0 ms) and small budgets;
 * only the Retry-After rows really wait, about a second each, because honouring it is the point.
 */
import type { RequestPolicy } from "../../../provider/api/client";
import type { TransportErrorKind } from "../../../provider/errors";
import type { GetWorkflowExecutionArgs } from "../../../provider/args";
import type { ExecutionStatus } from "../../../provider/model/types";
import type { ScenarioFault } from "../../../emulator";
import { CANARY } from "./canary";

/** Where the row's request goes. */
export type Target =
  | "emulator" // the execution `row.id` of the shared emulator
  | "unreachable" // a loopback port with no listener
  | "rogueChunked" // a server answering 200 with a chunked body (no Content-Length) over the size cap
  | "rogueEcho"; // a server answering 503 that echoes the request's credentials in X-Request-Id and the body

/** Addresses known only once the servers run; fault rows may refer to them. */
export interface RowEnv {
  /** A sink on another host (127.0.0.2). */
  otherHost: string;
  /** A sink on the same host, another port. */
  otherPort: string;
}

export type Expected =
  | { result: ExecutionStatus }
  | { error: "FunctionGraphApiError"; httpStatus: number; errorCode?: string; attempts: number; message?: RegExp }
  | { error: "TransportError"; kind: TransportErrorKind; attempts: number; message?: RegExp }
  | { error: "ResponseValidationError"; message?: RegExp };

export interface FaultRow {
  /** Unique; also the execution ID in the scenario. */
  id: string;
  title: string;
  target?: Target;
  faults?: ScenarioFault[] | ((env: RowEnv) => ScenarioFault[]);
  args?: Partial<GetWorkflowExecutionArgs>;
  policy?: Partial<RequestPolicy>;
  expect: Expected;
  /** Requests the serving side (emulator execution, rogue server) saw; 0 for an unreachable port. */
  requests: number;
  /** The call must have taken at least / at most this long (generous bounds, never tight timing). */
  minMs?: number;
  maxMs?: number;
}

const once = (status: number, extra: Partial<Extract<ScenarioFault, { kind: "status" }>> = {}): ScenarioFault[] => [
  { kind: "status", status, attempts: 1, ...extra },
];
const always = (f: ScenarioFault | Omit<ScenarioFault, "attempts">): ScenarioFault[] => [{ ...f, attempts: "every" } as ScenarioFault];
const ok: Expected = { result: "success" };
const api = (httpStatus: number, attempts: number, more: { errorCode?: string; message?: RegExp } = {}): Expected => ({
  error: "FunctionGraphApiError",
  httpStatus,
  attempts,
  ...more,
});
const transport = (kind: TransportErrorKind, attempts: number, message?: RegExp): Expected => ({ error: "TransportError", kind, attempts, message });
const invalid = (message: RegExp): Expected => ({ error: "ResponseValidationError", message });
const TWENTY_MINUTES = 20 * 60_000;
/** What a gateway that echoes its canonical request (as Huawei's does on a signature mismatch) might send back. */
const ECHO = `canonical request: GET|/v2/p-rel|x-security-token:${CANARY.securityToken}|Access=${CANARY.accessKey}`;

export const FAULT_ROWS: readonly FaultRow[] = [
  // Throttling and server errors that are retried: one fault, then the normal answer.
  { id: "r429-retry-after-seconds", title: "429 with Retry-After: 1 (seconds), then success", faults: once(429, { retryAfter: 1 }), expect: ok, requests: 2, minMs: 800 },
  { id: "r429-retry-after-date", title: "429 with Retry-After as an HTTP date ~2 s ahead, then success", faults: once(429, { retryAfter: "+2s" }), expect: ok, requests: 2, minMs: 500 },
  { id: "r429-no-retry-after", title: "429 without Retry-After, then success", faults: once(429), expect: ok, requests: 2 },
  { id: "r408-then-ok", title: "408, then success", faults: once(408), expect: ok, requests: 2 },
  { id: "r500-then-ok", title: "500, then success", faults: once(500), expect: ok, requests: 2 },
  { id: "r502-then-ok", title: "502, then success", faults: once(502), expect: ok, requests: 2 },
  { id: "r503-then-ok", title: "503, then success", faults: once(503), expect: ok, requests: 2 },
  { id: "r504-then-ok", title: "504, then success", faults: once(504), expect: ok, requests: 2 },
  {
    id: "r500-always",
    title: "500 on every attempt: the retry budget (maxRetries 2) is spent, then the 500 is reported",
    faults: always({ kind: "status", status: 500 }),
    args: { maxRetries: 2 },
    expect: api(500, 3, { errorCode: "FSS.0500" }),
    requests: 3,
  },
  // Never retried: exactly one request.
  { id: "r501", title: "501 is not retried", faults: always({ kind: "status", status: 501 }), expect: api(501, 1, { errorCode: "FSS.0501" }), requests: 1 },
  { id: "r400", title: "400 is not retried", faults: always({ kind: "status", status: 400 }), expect: api(400, 1, { errorCode: "FSS.0400" }), requests: 1 },
  {
    id: "r401",
    title: "401 is not retried (five bad signatures lock the key)",
    faults: always({ kind: "status", status: 401 }),
    expect: api(401, 1, { errorCode: "APIGW.0301", message: /access key and secret key/ }),
    requests: 1,
  },
  { id: "r403", title: "403 is not retried", faults: always({ kind: "status", status: 403 }), expect: api(403, 1, { errorCode: "APIGW.0302" }), requests: 1 },
  { id: "r404", title: "404 is not retried", faults: always({ kind: "status", status: 404 }), expect: api(404, 1, { errorCode: "FSS.0404" }), requests: 1 },
  // Broken connections.
  { id: "reset-before-once", title: "connection reset before the response, then success", faults: [{ kind: "resetBeforeResponse", attempts: 1 }], expect: ok, requests: 2 },
  {
    id: "reset-before-always",
    title: "connection reset before the response on every attempt",
    faults: always({ kind: "resetBeforeResponse" }),
    args: { maxRetries: 2 },
    expect: transport("network", 3),
    requests: 3,
  },
  {
    id: "reset-mid-body",
    title: "connection reset in the middle of the body",
    faults: always({ kind: "resetMidBody" }),
    args: { maxRetries: 1 },
    expect: transport("network", 2),
    requests: 2,
  },
  {
    id: "close-without-response",
    title: "server closes the connection without a response",
    faults: always({ kind: "closeWithoutResponse" }),
    args: { maxRetries: 1 },
    expect: transport("network", 2),
    requests: 2,
  },
  // Slowness against the per-attempt timeout (0.3 s here).
  {
    id: "slow-headers",
    title: "headers slower than the per-attempt timeout",
    faults: always({ kind: "delay", delayHeadersMs: 3_000 }),
    args: { maxRetries: 1, requestTimeoutSeconds: 0.3 },
    expect: transport("timeout", 2, /within 300 ms/),
    requests: 2,
    maxMs: 2_500,
  },
  {
    id: "stalled-body",
    title: "headers and 16 bytes of body, then nothing",
    faults: always({ kind: "stallBody", afterBytes: 16 }),
    args: { maxRetries: 1, requestTimeoutSeconds: 0.3 },
    expect: transport("timeout", 2),
    requests: 2,
    maxMs: 2_500,
  },
  // 2xx bodies that cannot be trusted: never retried, never a result.
  { id: "truncated-json", title: "200 with truncated JSON", faults: always({ kind: "truncatedJson" }), expect: invalid(/not valid JSON/), requests: 1 },
  { id: "html-200", title: "200 with an HTML page", faults: always({ kind: "htmlError", status: 200 }), expect: invalid(/content type "text\/html"/), requests: 1 },
  {
    id: "html-502",
    title: "502 HTML error page from a proxy (retried, then reported with a snippet)",
    faults: always({ kind: "htmlError", status: 502 }),
    args: { maxRetries: 1 },
    expect: api(502, 2, { message: /unexpected body ".*502 Bad Gateway/ }),
    requests: 2,
  },
  { id: "empty-body", title: "200 with an empty body", faults: always({ kind: "emptyBody" }), expect: invalid(/empty body/), requests: 1 },
  { id: "wrong-content-type", title: "200 with Content-Type text/plain", faults: always({ kind: "wrongContentType" }), expect: invalid(/content type "text\/plain"/), requests: 1 },
  {
    id: "oversize-declared",
    title: "body over the size cap (Content-Length declared), cap 50 kB",
    faults: always({ kind: "oversizeBody", minBytes: 200_000 }),
    policy: { maxResponseBytes: 50_000 },
    expect: transport("body-too-large", 1, /larger than 50000 bytes/),
    requests: 1,
  },
  {
    id: "oversize-chunked",
    title: "body over the size cap without Content-Length (chunked), cap 50 kB",
    target: "rogueChunked",
    policy: { maxResponseBytes: 50_000 },
    expect: transport("body-too-large", 1, /larger than 50000 bytes/),
    requests: 1,
  },
  // Redirects are never followed: the other side must see nothing at all.
  {
    id: "redirect-other-host",
    title: "302 to another host (127.0.0.2)",
    faults: (env) => always({ kind: "redirect", status: 302, location: `${env.otherHost}/steal` }),
    expect: transport("redirect", 1, /never redirected/),
    requests: 1,
  },
  {
    id: "redirect-other-port",
    title: "307 to another port of the same host",
    faults: (env) => always({ kind: "redirect", status: 307, location: `${env.otherPort}/steal` }),
    expect: transport("redirect", 1),
    requests: 1,
  },
  {
    id: "redirect-same-url",
    title: "301 to a relative location on the same server",
    faults: always({ kind: "redirect", status: 301, location: "/v2/p-rel/fgs/workflows/w-rel/executions/redirect-same-url" }),
    expect: transport("redirect", 1),
    requests: 1,
  },
  { id: "unreachable-port", title: "nothing listens on the port", target: "unreachable", args: { maxRetries: 1 }, expect: transport("network", 2, /ECONNREFUSED/), requests: 0 },
  // Credentials echoed by the other side must be scrubbed from whatever reaches a message.
  {
    id: "echo-in-error-body",
    title: "400 whose error_msg echoes the security token and the access key",
    faults: always({ kind: "status", status: 400, errorCode: "APIGW.0201", errorMsg: ECHO }),
    expect: api(400, 1, { message: /\[redacted\]/ }),
    requests: 1,
  },
  {
    id: "echo-in-html",
    title: "502 HTML page that echoes the security token and the access key",
    faults: always({ kind: "status", status: 502, contentType: "text/html", body: `<html><body>${ECHO}</body></html>` }),
    args: { maxRetries: 0 },
    expect: api(502, 1, { message: /\[redacted\]/ }),
    requests: 1,
  },
  {
    id: "echo-in-200-body",
    title: "200 whose (invalid) body echoes the security token",
    faults: always({ kind: "status", status: 200, body: `not json: ${ECHO}` }),
    expect: invalid(/\[redacted\]/),
    requests: 1,
  },
  {
    id: "echo-in-request-id",
    title: "503 from a proxy that echoes the security token and the access key in X-Request-Id",
    target: "rogueEcho",
    args: { maxRetries: 0 },
    expect: api(503, 1),
    requests: 1,
  },
  // Deadlines.
  {
    id: "deadline-in-backoff",
    title: "503 asking to retry after 20 s with a 2 s deadline: fails at once, does not sleep it out",
    faults: always({ kind: "status", status: 503, retryAfter: 20 }),
    args: { deadlineSeconds: 2 },
    expect: api(503, 1, { errorCode: "FSS.0503" }),
    requests: 1,
    maxMs: 5_000,
  },
  {
    id: "deadline-in-attempt",
    title: "slow headers (3 s) with a 0.5 s total deadline and a 10 s attempt timeout",
    faults: always({ kind: "delay", delayHeadersMs: 3_000 }),
    args: { deadlineSeconds: 0.5, requestTimeoutSeconds: 10 },
    expect: transport("deadline", 1, /deadline of 500 ms/),
    requests: 1,
    maxMs: 2_500,
  },
  // Clock skew: the emulator, like the gateway, refuses dates more than 15 minutes off.
  {
    id: "clock-behind",
    title: "local clock 20 minutes behind",
    policy: { now: () => new Date(Date.now() - TWENTY_MINUTES) },
    expect: api(401, 1, { errorCode: "APIGW.0301", message: /local clock is probably off/ }),
    requests: 1,
  },
  {
    id: "clock-ahead",
    title: "local clock 20 minutes ahead",
    policy: { now: () => new Date(Date.now() + TWENTY_MINUTES) },
    expect: api(401, 1, { errorCode: "APIGW.0301", message: /local clock is probably off/ }),
    requests: 1,
  },
];
