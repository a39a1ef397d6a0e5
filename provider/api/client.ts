/**
 * The signed API client: one call = up to `maxRetries + 1` attempts, each signed afresh (the date goes
 * stale), bounded by a per-attempt timeout and a total deadline, throttled by a per-host concurrency cap.
 * A 2xx body is parsed and validated against its JSON Schema; anything else becomes a typed error whose
 * message names the method, path, status, error code and request ID, scrubbed of credentials.
 */
import { type AbortCause, attemptSignal, sleep } from "./abort";
import { type ApiErrorDetails, FunctionGraphApiError, TransportError, type RequestSite } from "../errors";
import { attempt, type AttemptResult, type FetchLike } from "./http";
import { type Limiter, limiterFor } from "./limiter";
import { oneLine, scrubberFor } from "./redact";
import { type BackoffPolicy, DEFAULT_BACKOFF, isRetryableStatus, nextDelayMs, parseRetryAfter } from "./retry";
import { type Credentials, isPlainPath, signRequest, urlEncode } from "./signer";
import type { BodyKind } from "../model/validate";
import { readBody } from "./response";
import { apiErrorHint, parseErrorBody } from "./errorBody";

/** How one API call behaves. All durations in milliseconds. */
export interface RequestPolicy {
  attemptTimeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  backoff: BackoffPolicy;
  /** Concurrent requests per endpoint host in this process. */
  maxConcurrency?: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
  /** Clock used for X-Sdk-Date (tests may skew it). */
  now?: () => Date;
  random?: () => number;
  /** Receives one line per attempt (method, path, status, duration, request id); never headers. */
  debug?: (line: string) => void;
}

export const DEFAULT_POLICY: RequestPolicy = {
  attemptTimeoutMs: 15_000,
  deadlineMs: 60_000,
  maxRetries: 4,
  // The largest documented body (200 nodes x 200 executions, full history) is about 7 MB.
  maxResponseBytes: 32 * 1024 * 1024,
  backoff: DEFAULT_BACKOFF,
};

export interface ApiCall {
  /** Service base URL (scheme, host, optional path prefix). */
  base: URL;
  method: "GET";
  /** Decoded path segments after the base path; each is percent-encoded once on the wire. */
  segments: string[];
  query?: Record<string, string>;
  /** Extra headers to send and sign. */
  headers?: Record<string, string>;
  kind: BodyKind;
}

export interface ApiResult {
  body: unknown;
  status: number;
  /** Read from the response headers (and cleaned) on first access. */
  readonly requestId?: string;
  attempts: number;
}

/** A 2xx result. A class rather than an object literal with a getter, which V8 builds far more slowly;
 * its fields are assigned in the constructor (`declare`d, so not also defined as class fields first). */
class Success implements ApiResult {
  declare body: unknown;
  declare status: number;
  declare attempts: number;
  declare private readonly readRequestId: () => string | undefined;

  constructor(body: unknown, status: number, attempts: number, readRequestId: () => string | undefined) {
    this.body = body;
    this.status = status;
    this.attempts = attempts;
    this.readRequestId = readRequestId;
  }

  get requestId(): string | undefined {
    return this.readRequestId();
  }
}

/** Unsigned headers every request carries, as Huawei's SDK sends them (the gateway checks only what
 * SignedHeaders lists). */
const ACCEPT = "application/json";
const USER_AGENT = "fgs-workflow-gate";

/** The headers on the wire: Accept, the call's own (signed) headers, the signature's, then User-Agent.
 * Assigned one by one: object spread costs a runtime call per source on every request. */
function wireHeaders(own: Readonly<Record<string, string>>, signed: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { Accept: ACCEPT };
  for (const k in own) out[k] = own[k] as string;
  for (const k in signed) out[k] = signed[k] as string;
  out["User-Agent"] = USER_AGENT;
  return out;
}

/** What every request to an endpoint needs of its URL, taken once per URL (URL getters such as `origin`
 * rebuild their text on every access). */
interface EndpointParts {
  /** The URL's text when these parts were taken (a changed URL is taken apart again). */
  href: string;
  origin: string;
  host: string;
  /** Path prefix as on the wire (no trailing slash), and decoded for signing. */
  prefix: string;
  decodedPrefix: string;
}

const endpointParts = new WeakMap<URL, EndpointParts>();

function partsOf(base: URL): EndpointParts {
  let p = endpointParts.get(base);
  if (p === undefined || p.href !== base.href) {
    const prefix = base.pathname.replace(/\/+$/, "");
    p = { href: base.href, origin: base.origin, host: base.host, prefix, decodedPrefix: decodeURIComponent(prefix) };
    endpointParts.set(base, p);
  }
  return p;
}

function buildUrl(call: ApiCall, base: EndpointParts): { wire: string; signedPath: string; wirePath: string } {
  const { prefix } = base;
  const joined = call.segments.join("/");
  // The usual IDs need no encoding: one check of the joined path instead of one per segment. A segment
  // that itself contains "/" is never plain here, since the check would see it as two segments: encode.
  let plain = isPlainPath(joined);
  for (let i = 0; plain && i < call.segments.length; i++) if ((call.segments[i] as string).includes("/")) plain = false;
  const wirePath = `${prefix}/${plain ? joined : call.segments.map(urlEncode).join("/")}`;
  const signedPath = `${base.decodedPrefix}/${joined}`;
  const query = call.query
    ? Object.keys(call.query)
        .sort()
        .map((k) => `${urlEncode(k)}=${urlEncode((call.query as Record<string, string>)[k] as string)}`)
        .join("&")
    : "";
  return { wire: `${base.origin}${wirePath}${query ? `?${query}` : ""}`, signedPath, wirePath };
}

function transportKind(failure: AttemptResult & { kind: "failure" }, cause: AbortCause | undefined) {
  if (failure.failure === "body-too-large") return "body-too-large" as const;
  if (cause) return cause;
  return "network" as const;
}

/** Printable ASCII without spaces, at most 128 characters: what `oneLine(…, 128)` leaves unchanged. */
const TOKEN = /^[\x21-\x7e]{1,128}$/;

/** Attempts of one call at most, whatever the server asks: server-directed retries are not counted
 * against `maxRetries`, so this bounds them (the deadline bounds them too). */
export const MAX_ATTEMPTS = 50;

/** Waits for a connection slot under the deadline and the caller's signal only: time spent queueing
 * locally must not eat into the attempt's own timeout, or a queued request would be cut off mid-answer. */
async function queueForSlot(limiter: Limiter, policy: RequestPolicy, deadlineAt: number, site: RequestSite, n: number) {
  const queue = attemptSignal(Number.MAX_SAFE_INTEGER, deadlineAt, policy.signal);
  try {
    return await limiter.acquire(queue.signal);
  } catch {
    const kind = queue.cause() === "aborted" ? "aborted" : "deadline";
    throw new TransportError(kind, site, n - 1, kind === "aborted" ? "cancelled by the caller" : `deadline of ${policy.deadlineMs} ms exceeded while waiting for a connection slot`);
  } finally {
    queue.dispose();
  }
}

/** Performs one API call with retries. */
export async function callApi(call: ApiCall, credentials: Credentials, policy: RequestPolicy): Promise<ApiResult> {
  const base = partsOf(call.base);
  const { wire, signedPath, wirePath } = buildUrl(call, base);
  const site: RequestSite = { method: call.method, path: wirePath };
  const scrub = scrubberFor(credentials);
  // Request IDs are normally short tokens: those skip the flattening (which only changes other text).
  const cleanId = (v: string | undefined) => {
    if (v === undefined) return undefined;
    const scrubbed = scrub(v);
    return TOKEN.test(scrubbed) ? scrubbed : oneLine(scrubbed, 128);
  };
  const deadlineAt = Date.now() + policy.deadlineMs;
  // A GET has no body, so no Content-Type. The call's own headers are signed; Accept and User-Agent are not.
  const callHeaders = call.headers ?? {};
  let counted = 0;

  for (let n = 1; ; n++) {
    if (policy.signal?.aborted) throw new TransportError("aborted", site, n - 1, "cancelled by the caller");
    // A free slot is taken synchronously: no promise on the common path.
    const limiter = limiterFor(base.host, policy.maxConcurrency);
    const release = limiter.tryAcquire() ?? (await queueForSlot(limiter, policy, deadlineAt, site, n));
    const guard = attemptSignal(policy.attemptTimeoutMs, deadlineAt, policy.signal);
    const started = Date.now();
    let result: AttemptResult;
    try {
      const signed = signRequest(
        { method: call.method, host: base.host, path: signedPath, query: call.query, headers: callHeaders },
        credentials,
        policy.now?.() ?? new Date(),
      );
      result = await attempt({
        url: wire,
        method: call.method,
        headers: wireHeaders(callHeaders, signed.headers),
        signal: guard.signal,
        maxBytes: policy.maxResponseBytes,
        fetch: policy.fetch,
      });
    } finally {
      release();
      guard.dispose();
    }
    const elapsed = Date.now() - started;

    let error: Error;
    let retryAfterMs: number | undefined;
    if (result.kind === "failure") {
      const kind = transportKind(result, guard.cause());
      const detail =
        kind === "timeout" ? `no complete response within ${policy.attemptTimeoutMs} ms`
        : kind === "deadline" ? `deadline of ${policy.deadlineMs} ms exceeded`
        : kind === "aborted" ? "cancelled by the caller"
        : kind === "body-too-large" ? `response larger than ${policy.maxResponseBytes} bytes (${scrub(result.detail)})`
        : scrub(result.detail);
      policy.debug?.(`${call.method} ${wirePath} attempt ${n}: ${kind} after ${elapsed} ms`);
      error = new TransportError(kind, site, n, detail, result.cause);
      if (kind !== "network" && kind !== "timeout") throw error;
    } else {
      const { status } = result;
      const response = result;
      // The request ID is read only when something reports it (an error, a debug line, the caller).
      let headerIdRead: { id: string | undefined } | undefined;
      const requestId = () => (headerIdRead ??= { id: cleanId(response.header("x-request-id")) }).id;
      policy.debug?.(`${call.method} ${wirePath} attempt ${n}: HTTP ${status} in ${elapsed} ms (request id ${requestId() ?? "none"})`);
      if (status >= 200 && status < 300) {
        const body = readBody(call, site, status, result, scrub, requestId);
        return new Success(body, status, n, requestId);
      }
      if (status >= 300 && status < 400) {
        throw new TransportError("redirect", site, n, `HTTP ${status} redirect refused: signed requests are never redirected`);
      }
      const parsed = parseErrorBody(result.takeText(), scrub);
      retryAfterMs = parseRetryAfter(result.header("retry-after"), Date.now());
      const details: ApiErrorDetails = {
        ...site,
        httpStatus: status,
        errorCode: parsed.errorCode,
        errorMsg: parsed.errorMsg,
        requestId: parsed.requestId ?? requestId(),
        attempts: n,
        snippet: parsed.snippet,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      };
      error = new FunctionGraphApiError(details, apiErrorHint(details));
      if (!isRetryableStatus(status)) throw error;
      // A throttled or busy server that says when to come back directs the retry: honour it without
      // spending the retry budget, which is for failures the server did not explain.
      if (!(retryAfterMs !== undefined && (status === 429 || status === 503))) retryAfterMs = undefined;
    }

    if (retryAfterMs === undefined) counted++;
    if (counted > policy.maxRetries || n >= MAX_ATTEMPTS) throw error;
    const delay = nextDelayMs(counted, retryAfterMs, policy.backoff, policy.random);
    if (Date.now() + delay >= deadlineAt) throw beyondDeadline(error, delay);
    try {
      await sleep(delay, policy.signal);
    } catch {
      throw new TransportError("aborted", site, n, "cancelled by the caller");
    }
  }
}

/** The last error, saying why it was not retried: the next attempt would start after the deadline. */
function beyondDeadline(error: Error, delayMs: number): Error {
  if (!(error instanceof FunctionGraphApiError)) return error;
  const d: ApiErrorDetails = { ...error, method: error.method, path: error.path, httpStatus: error.httpStatus, attempts: error.attempts };
  const why = `Not retried: the next attempt would start in ${(delayMs / 1000).toFixed(1)} s, after the deadline`;
  const hint = apiErrorHint(d);
  return new FunctionGraphApiError(d, hint ? `${hint}. ${why}` : why);
}
