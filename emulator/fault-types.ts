/**
 * Fault rules of the scenario format: which requests to an execution misbehave, and how. The behaviour of
 * each kind is implemented in `faults.ts` and described in README.md.
 */

/** Which requests to an execution a fault hits: 1-based attempt numbers, or every request. */
export type FaultAttempts = number | number[] | "every";

interface FaultBase {
  attempts: FaultAttempts;
  /** Wait this long before sending anything (slow headers). Combines with every kind. */
  delayHeadersMs?: number;
}

/** An HTTP error (or any status) with a JSON error body unless `body` is given. */
export interface StatusFault extends FaultBase {
  kind: "status";
  status: number;
  /** Default by status, e.g. 429 APIGW.0308, 500 FSS.0500, 503 FSS.0503 (see README). */
  errorCode?: string;
  errorMsg?: string;
  /** Replaces the generated body: a string is sent verbatim, anything else as JSON. */
  body?: unknown;
  /** `Retry-After`: seconds (number), a relative TimeSpec (sent as an HTTP-date from now), or verbatim text. */
  retryAfter?: number | string;
  /** Default `application/json`. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** The normal response, only late (use `delayHeadersMs`). Counts as a poll. */
export interface DelayFault extends FaultBase {
  kind: "delay";
}
/** 200 headers with the full Content-Length, then `afterBytes` bytes of the body, then nothing, forever. */
export interface StallBodyFault extends FaultBase {
  kind: "stallBody";
  /** Default 0. */
  afterBytes?: number;
}
/** A complete 200 response whose body is a prefix of the JSON (Content-Length matches the prefix). */
export interface TruncatedJsonFault extends FaultBase {
  kind: "truncatedJson";
  /** Default: half of the body. */
  bytes?: number;
}
/** An HTML error page with `Content-Type: text/html`, as a proxy in front of the API would send. */
export interface HtmlErrorFault extends FaultBase {
  kind: "htmlError";
  /** Default 502. */
  status?: number;
}
/** A 200 (or `status`) with an empty body. */
export interface EmptyBodyFault extends FaultBase {
  kind: "emptyBody";
  status?: number;
}
/** The normal 200 body with another content type. */
export interface WrongContentTypeFault extends FaultBase {
  kind: "wrongContentType";
  /** Default `text/plain`. */
  contentType?: string;
}
/** The normal 200 body padded (inside `output`) until it is larger than `minBytes`; still valid JSON. */
export interface OversizeBodyFault extends FaultBase {
  kind: "oversizeBody";
  minBytes: number;
}
/** TCP reset before any byte of response. */
export interface ResetBeforeResponseFault extends FaultBase {
  kind: "resetBeforeResponse";
}
/** 200 headers and `afterBytes` bytes of body, then a TCP reset. */
export interface ResetMidBodyFault extends FaultBase {
  kind: "resetMidBody";
  /** Default: half of the body. */
  afterBytes?: number;
}
/** The connection is closed (FIN) without any response. */
export interface CloseWithoutResponseFault extends FaultBase {
  kind: "closeWithoutResponse";
}
/** A redirect to another host; a careful client does not follow it with its Authorization header. */
export interface RedirectFault extends FaultBase {
  kind: "redirect";
  /** Default 302. */
  status?: number;
  /** Default `http://127.0.0.2:<port><same path and query>`. */
  location?: string;
}

/** An injected failure for requests to one execution. The first rule matching the attempt wins. */
export type ScenarioFault =
  | StatusFault
  | DelayFault
  | StallBodyFault
  | TruncatedJsonFault
  | HtmlErrorFault
  | EmptyBodyFault
  | WrongContentTypeFault
  | OversizeBodyFault
  | ResetBeforeResponseFault
  | ResetMidBodyFault
  | CloseWithoutResponseFault
  | RedirectFault;

/** The `kind` of a fault rule. */
export type FaultKind = ScenarioFault["kind"];
