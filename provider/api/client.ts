/**
 * The signed API client: one call = up to `maxRetries + 1` attempts, each signed afresh (the date goes
 * stale), bounded by a per-attempt timeout and a total deadline, throttled by a per-host concurrency cap.
 * A 2xx body is parsed and validated against its JSON Schema; anything else becomes a typed error whose
 * message names the method, path, status, error code and request ID, scrubbed of credentials.
 */
import { type AbortCause, attemptSignal, sleep } from "./abort";
import {
  FunctionGraphApiError,
  ResponseValidationError,
  TransportError,
  type RequestSite,
} from "./errors";
import { attempt, type AttemptResult, type FetchLike } from "./http";
import { limiterFor } from "./limiter";
import { makeScrubber, oneLine, type Scrubber } from "./redact";
import { type BackoffPolicy, DEFAULT_BACKOFF, isRetryableStatus, nextDelayMs, parseRetryAfter } from "./retry";
import { type Credentials, signRequest, urlEncode } from "./signer";
import { type BodyKind, validateBody } from "../model/validate";
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
  requestId?: string;
  attempts: number;
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

function buildUrl(call: ApiCall): { wire: string; signedPath: string; wirePath: string } {
  const prefix = call.base.pathname.replace(/\/+$/, "");
  const wirePath = `${prefix}/${call.segments.map(urlEncode).join("/")}`;
  const signedPath = `${decodeURIComponent(prefix)}/${call.segments.join("/")}`;
  const query = call.query
    ? Object.keys(call.query)
        .sort()
        .map((k) => `${urlEncode(k)}=${urlEncode((call.query as Record<string, string>)[k] as string)}`)
        .join("&")
    : "";
  return { wire: `${call.base.origin}${wirePath}${query ? `?${query}` : ""}`, signedPath, wirePath };
}

function transportKind(failure: AttemptResult & { kind: "failure" }, cause: AbortCause | undefined) {
  if (failure.failure === "body-too-large") return "body-too-large" as const;
  if (cause) return cause;
  return "network" as const;
}

/** Parses and validates a 2xx body, or throws ResponseValidationError. */
function readBody(call: ApiCall, site: RequestSite, status: number, res: AttemptResult & { kind: "response" }, scrub: Scrubber) {
  const requestId = res.header("x-request-id");
  const text = res.body.toString("utf8");
  const snippet = oneLine(scrub(text), 200);
  const fail = (summary: string, pointer = "", expected = "a JSON document") =>
    new ResponseValidationError({ ...site, requestId, snippet }, [{ pointer, expected }], summary);
  const type = res.header("content-type");
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw fail(`HTTP ${status} with content type ${JSON.stringify(oneLine(type, 80))} instead of application/json (body starts ${JSON.stringify(oneLine(snippet, 80))})`);
  }
  if (text.trim() === "") throw fail(`HTTP ${status} with an empty body`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const why = e instanceof RangeError ? "is nested too deeply to parse" : "is not valid JSON (truncated?)";
    throw fail(`HTTP ${status} body ${why}: ${JSON.stringify(oneLine(snippet, 120))}`);
  }
  const violations = validateBody(call.kind, body);
  if (violations.length > 0) throw new ResponseValidationError({ ...site, requestId }, violations);
  return { body, requestId };
}

/** Performs one API call with retries. */
export async function callApi(call: ApiCall, credentials: Credentials, policy: RequestPolicy): Promise<ApiResult> {
  const { wire, signedPath, wirePath } = buildUrl(call);
  const site: RequestSite = { method: call.method, path: wirePath };
  const scrub = makeScrubber(credentials);
  const deadlineAt = Date.now() + policy.deadlineMs;
  const limiter = limiterFor(call.base.host, policy.maxConcurrency);
  const baseHeaders = { "Content-Type": "application/json", Accept: "application/json", ...call.headers };
  let lastError: Error | undefined;

  for (let n = 1; n <= policy.maxRetries + 1; n++) {
    if (policy.signal?.aborted) throw new TransportError("aborted", site, n - 1, "cancelled by the caller");
    const guard = attemptSignal(policy.attemptTimeoutMs, deadlineAt, policy.signal);
    let result: AttemptResult;
    const started = Date.now();
    let release: (() => void) | undefined;
    try {
      release = await limiter.acquire(guard.signal);
      const signed = signRequest(
        { method: call.method, host: call.base.host, path: signedPath, query: call.query, headers: baseHeaders },
        credentials,
        policy.now?.() ?? new Date(),
      );
      result = await attempt({
        url: wire,
        method: call.method,
        headers: { ...baseHeaders, ...signed.headers, "User-Agent": "fgs-workflow-gate" },
        signal: guard.signal,
        maxBytes: policy.maxResponseBytes,
        fetch: policy.fetch,
      });
    } catch (e) {
      result = { kind: "failure", failure: "abort", detail: "aborted while waiting for a connection slot", cause: e };
    } finally {
      release?.();
      guard.dispose();
    }
    const cause = guard.cause();

    if (result.kind === "failure") {
      const kind = transportKind(result, cause);
      const detail =
        kind === "timeout" ? `no complete response within ${policy.attemptTimeoutMs} ms`
        : kind === "deadline" ? `deadline of ${policy.deadlineMs} ms exceeded`
        : kind === "aborted" ? "cancelled by the caller"
        : kind === "body-too-large" ? `response larger than ${policy.maxResponseBytes} bytes (${scrub(result.detail)})`
        : scrub(result.detail);
      policy.debug?.(`${call.method} ${wirePath} attempt ${n}: ${kind} after ${Date.now() - started} ms`);
      lastError = new TransportError(kind, site, n, detail, result.cause);
      if (kind !== "network" && kind !== "timeout") throw lastError;
      await backoff(n, undefined);
      continue;
    }

    const { status } = result;
    policy.debug?.(
      `${call.method} ${wirePath} attempt ${n}: HTTP ${status} in ${Date.now() - started} ms (request id ${result.header("x-request-id") ?? "none"})`,
    );
    if (status >= 200 && status < 300) {
      const { body, requestId } = readBody(call, site, status, result, scrub);
      return { body, status, requestId, attempts: n };
    }
    if (status >= 300 && status < 400) {
      throw new TransportError(
        "redirect",
        site,
        n,
        `HTTP ${status} redirect${result.header("location") ? " to another location" : ""} refused: signed requests are never redirected`,
      );
    }
    const parsed = parseErrorBody(result.body, scrub);
    const retryAfterMs = parseRetryAfter(result.header("retry-after"), Date.now());
    const details = {
      ...site,
      httpStatus: status,
      errorCode: parsed.errorCode,
      errorMsg: parsed.errorMsg,
      requestId: parsed.requestId ?? result.header("x-request-id"),
      attempts: n,
      snippet: parsed.snippet,
      retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    };
    lastError = new FunctionGraphApiError(details, apiErrorHint(details));
    if (!isRetryableStatus(status)) throw lastError;
    await backoff(n, retryAfterMs);
  }
  throw lastError as Error;

  /** Waits before attempt n+1, or throws the last error when no attempt is left or the wait would pass the deadline. */
  async function backoff(n: number, retryAfterMs: number | undefined): Promise<void> {
    if (n > policy.maxRetries) throw lastError;
    const delay = nextDelayMs(n, retryAfterMs, policy.backoff, policy.random);
    if (Date.now() + delay >= deadlineAt) throw lastError;
    try {
      await sleep(delay, policy.signal);
    } catch {
      throw new TransportError("aborted", site, n, "cancelled by the caller");
    }
  }
}
