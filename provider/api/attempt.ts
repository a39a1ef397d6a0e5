/**
 * One attempt of a call: wait for a connection slot, sign, exchange, and say what came of it: the result,
 * or the error with whether another attempt is safe (./retry) and when the server asked to be called again.
 */
import { type ApiErrorDetails, FunctionGraphApiError, TransportError, type TransportErrorKind } from "../errors";
import { apiErrorHint, parseErrorBody } from "./errorBody";
import { timerSignal } from "./abort";
import { ExchangeFailure, exchange, type WireResponse } from "./http";
import { limiterFor } from "./limiter";
import { safeLine, type Scrubber, secretsOf } from "./redact";
import { readBody } from "./response";
import { mayRetry, parseRetryAfter } from "./retry";
import { type Credentials, signRequest } from "./signer";
import type { CallTarget } from "./target";
import { type ApiCall, type ApiResult, type RequestPolicy } from "./call";

export interface Attempt {
  result?: ApiResult;
  error?: Error;
  retry: boolean;
  /** Set when the server said when to come back (429/503 with Retry-After). */
  retryAfterMs?: number;
  /** The error to throw instead when the next attempt would start after the deadline. */
  beyondDeadline?: (delayMs: number) => Error;
}

export interface AttemptInput {
  call: ApiCall;
  target: CallTarget;
  credentials: Credentials;
  policy: RequestPolicy;
  /** The whole call's deadline. */
  deadline: AbortSignal;
  /** The call's credentials scrubber, made once per call. */
  scrub: Scrubber;
  /** 1 for the first attempt. */
  n: number;
}

export async function runAttempt(input: AttemptInput): Promise<Attempt> {
  const { target, policy, scrub } = input;
  const outer = policy.signal ? AbortSignal.any([input.deadline, policy.signal]) : input.deadline;
  let release: () => void;
  try {
    // Queueing for a slot is bounded by the deadline only: it must not eat the attempt's own timeout.
    release = await limiterFor(target.host, policy.maxConcurrency).acquire(outer);
  } catch {
    const kind = policy.signal?.aborted ? "aborted" : "deadline";
    throw transportError(kind, input, "while waiting for a connection slot");
  }
  const own = timerSignal(policy.attemptTimeoutMs);
  const signal = AbortSignal.any([own.signal, outer]);
  const started = Date.now();
  try {
    const res = await exchange(wireRequest(input), { signal, maxBytes: policy.maxResponseBytes, fetch: policy.fetch });
    return fromResponse(input, res, scrub, Date.now() - started);
  } catch (e) {
    if (!(e instanceof ExchangeFailure)) throw e;
    return fromFailure(input, e, scrub, Date.now() - started);
  } finally {
    own.clear();
    release();
  }
}

function wireRequest({ call, target, credentials, policy }: AttemptInput) {
  const own = { ...call.headers };
  if (target.bodyText !== undefined) own["Content-Type"] = "application/json";
  const signed = signRequest(
    { method: call.method, host: target.host, path: target.signedPath, query: call.query, headers: own, body: target.bodyText },
    credentials,
    policy.now?.() ?? new Date(),
  );
  // Accept and User-Agent are not signed, as Huawei's SDK sends them; the gateway checks SignedHeaders.
  const headers = { Accept: "application/json", ...own, ...signed.headers, "User-Agent": "fgs-workflow-gate" };
  return { url: target.url, method: call.method, headers, body: target.bodyText };
}

function fromResponse(input: AttemptInput, res: WireResponse, scrub: Scrubber, ms: number): Attempt {
  const { call, target, n } = input;
  const rawId = res.header("x-request-id");
  const requestId = rawId === undefined ? undefined : safeLine(rawId, scrub, 128);
  input.policy.debug?.(`${call.method} ${target.origin}${target.site.path} attempt ${n}: HTTP ${res.status} in ${ms} ms (request id ${requestId ?? "none"})`);
  if (res.status === 200) {
    const source = { site: target.site, status: 200, text: res.text, contentType: res.header("content-type"), requestId, scrub, secrets: secretsOf(input.credentials) };
    const body = call.kind === "none" ? undefined : readBody(call.kind, source);
    return { result: { body, status: 200, requestId, attempts: n }, retry: false };
  }
  if (res.status >= 300 && res.status < 400) {
    const error = new TransportError("redirect", target.site, n, `HTTP ${res.status} redirect refused: signed requests are never redirected`);
    return { error, retry: false };
  }
  const parsed = parseErrorBody(res.text, scrub);
  const retryAfterMs = parseRetryAfter(res.header("retry-after"), Date.now());
  const details: ApiErrorDetails = {
    ...target.site,
    httpStatus: res.status,
    errorCode: parsed.errorCode,
    errorMsg: parsed.errorMsg ?? (res.status < 300 ? `HTTP ${res.status} is not the documented answer (only 200 is)` : undefined),
    requestId: parsed.requestId ?? requestId,
    attempts: n,
    snippet: parsed.snippet,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    host: target.host,
  };
  const retry = res.status >= 300 && mayRetry(call.method, { status: res.status, failed: false });
  // A throttled or busy server that says when to come back directs the retry, outside the retry budget.
  const hint = apiErrorHint(details);
  const directed = retryAfterMs !== undefined && (res.status === 429 || res.status === 503) ? retryAfterMs : undefined;
  return {
    error: new FunctionGraphApiError(details, hint),
    retry,
    retryAfterMs: directed,
    beyondDeadline: (delayMs) => {
      const why = `Not retried: the next attempt would start in ${(delayMs / 1000).toFixed(1)} s, after the deadline`;
      return new FunctionGraphApiError(details, hint ? `${hint}. ${why}` : why);
    },
  };
}

function fromFailure(input: AttemptInput, failure: ExchangeFailure, scrub: Scrubber, ms: number): Attempt {
  const { call, target, policy, n } = input;
  const kind: TransportErrorKind =
    failure.kind === "body-too-large" ? "body-too-large"
    : failure.kind === "network" ? "network"
    : policy.signal?.aborted ? "aborted"
    : input.deadline.aborted ? "deadline"
    : "timeout";
  const after = failure.status === undefined ? "" : `HTTP ${failure.status} arrived, then `;
  const detail =
    kind === "timeout" ? `${after}no complete response within ${policy.attemptTimeoutMs} ms`
    : kind === "deadline" ? `${after}deadline of ${policy.deadlineMs} ms exceeded`
    : kind === "aborted" ? "cancelled by the caller"
    : kind === "body-too-large" ? `response larger than ${policy.maxResponseBytes} bytes (${failure.detail})`
    : `${after}the exchange with ${target.host} failed: ${safeLine(failure.detail, scrub, 200)}`;
  policy.debug?.(`${call.method} ${target.origin}${target.site.path} attempt ${n}: ${kind} after ${ms} ms`);
  const error = new TransportError(kind, target.site, n, detail, { mayHaveArrived: !failure.notSent, httpStatus: failure.status });
  const retry = (kind === "network" || kind === "timeout") && mayRetry(call.method, { status: failure.status, failed: true, notSent: failure.notSent });
  return { error, retry };
}

function transportError(kind: TransportErrorKind, input: AttemptInput, when: string): TransportError {
  const detail = kind === "aborted" ? `cancelled by the caller ${when}` : `deadline of ${input.policy.deadlineMs} ms exceeded ${when}`;
  return new TransportError(kind, input.target.site, input.n - 1, detail);
}
