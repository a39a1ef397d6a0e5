/**
 * The library's error hierarchy. Every error has a `name` equal to its class name and a stable string
 * `code`; guards check the code (not `instanceof`), so they keep working on errors that crossed a
 * Pulumi closure boundary or a second copy of this package. Messages say what failed and where and never
 * contain a credential: they are built only from values that are not secret, and text that came from the
 * network is scrubbed by the caller before it reaches a constructor.
 */
import type { SchemaViolation } from "./model/violations";

/** Stable codes, one per error kind. */
export const ErrorCodes = {
  configuration: "FGS_CONFIGURATION",
  api: "FGS_API_ERROR",
  responseValidation: "FGS_RESPONSE_INVALID",
  transport: "FGS_TRANSPORT",
} as const;

export type FunctionGraphErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base class of every error thrown by this package. */
export abstract class FunctionGraphGateError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A setting is missing or malformed (credentials, region, project, endpoint, an ID, an option). Thrown
 * before any request is sent. `setting` names the setting; its value is never part of the message.
 */
export class ConfigurationError extends FunctionGraphGateError {
  readonly code = ErrorCodes.configuration;
  constructor(
    message: string,
    readonly setting?: string,
  ) {
    super(message);
  }
}

/** Where an HTTP exchange went: used in messages of API and transport errors. */
export interface RequestSite {
  method: string;
  /** Path only (no host, no query values that could be sensitive). */
  path: string;
}

export interface ApiErrorDetails extends RequestSite {
  httpStatus: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  attempts: number;
  /** Short, scrubbed excerpt of a body that was not a JSON error document. */
  snippet?: string;
  /** Seconds the server asked us to wait (429/503), if any. */
  retryAfterSeconds?: number;
  /** `host[:port]` the request went to, so a message tells which service answered (the emulator or Huawei). */
  host?: string;
}

/** The service answered with an HTTP error status (after retries, when the status was retryable). */
export class FunctionGraphApiError extends FunctionGraphGateError {
  readonly code = ErrorCodes.api;
  readonly httpStatus: number;
  readonly errorCode?: string;
  readonly errorMsg?: string;
  readonly requestId?: string;
  readonly attempts: number;
  readonly method: string;
  readonly path: string;
  readonly snippet?: string;
  readonly retryAfterSeconds?: number;
  readonly host?: string;

  constructor(details: ApiErrorDetails, hint?: string) {
    super(formatApiMessage(details, hint));
    this.httpStatus = details.httpStatus;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
    this.method = details.method;
    this.path = details.path;
    this.snippet = details.snippet;
    this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.host !== undefined) this.host = details.host;
  }
}

function formatApiMessage(d: ApiErrorDetails, hint?: string): string {
  const parts = [`${d.method} ${d.path} failed with HTTP ${d.httpStatus}`];
  if (d.errorCode) parts.push(`${d.errorCode}`);
  let msg = parts.join(" ");
  if (d.errorMsg) msg += `: ${d.errorMsg}`;
  else if (d.snippet !== undefined) msg += `: unexpected body ${JSON.stringify(d.snippet)}`;
  const tail = [`request id ${d.requestId ?? "none"}`, `${d.attempts} attempt${d.attempts === 1 ? "" : "s"}`];
  if (d.host !== undefined) tail.push(`host ${d.host}`);
  msg += ` (${tail.join(", ")})`;
  if (hint) msg += `. ${hint}`;
  return msg;
}

export type { SchemaViolation };

/**
 * A 2xx body that is not the documented shape: not JSON, truncated, or failing the JSON Schema. The gate
 * never decides on such a body.
 */
export class ResponseValidationError extends FunctionGraphGateError {
  readonly code = ErrorCodes.responseValidation;
  readonly violations: SchemaViolation[];
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  readonly snippet?: string;

  constructor(
    site: RequestSite & { requestId?: string; snippet?: string },
    violations: SchemaViolation[],
    summary?: string,
  ) {
    const first = violations.slice(0, 3).map((v) => `${v.pointer || "/"}: expected ${v.expected}`);
    const more = violations.length > 3 ? ` (+${violations.length - 3} more)` : "";
    const what = summary ?? `response does not match the schema: ${first.join("; ")}${more}`;
    super(`${site.method} ${site.path}: ${what} (request id ${site.requestId ?? "none"})`);
    this.violations = violations;
    this.requestId = site.requestId;
    this.method = site.method;
    this.path = site.path;
    this.snippet = site.snippet;
  }
}

/** Why an exchange produced no HTTP response we could use. */
export type TransportErrorKind =
  | "network" // connection refused/reset, DNS, socket closed without a response
  | "timeout" // one attempt exceeded its per-attempt timeout
  | "deadline" // the total deadline ran out (possibly during backoff)
  | "aborted" // the caller's AbortSignal fired
  | "body-too-large" // the response exceeded the size cap
  | "redirect"; // a 3xx answer: never followed with credentials

export interface TransportErrorOptions {
  /** An inner error of this package's own (never a raw network error: those can carry the server's bytes). */
  cause?: unknown;
  /** False only when the request provably never left this process. Default true. */
  mayHaveArrived?: boolean;
  httpStatus?: number;
}

/** No usable HTTP response: network failure, timeout, deadline, cancellation, size cap or redirect. */
export class TransportError extends FunctionGraphGateError {
  readonly code = ErrorCodes.transport;
  readonly kind: TransportErrorKind;
  readonly attempts: number;
  readonly method: string;
  readonly path: string;
  /**
   * Whether the last attempt's request may have reached the service: false only when it provably never
   * left (connection refused, unknown host). A start that may have arrived may have started a run.
   */
  readonly mayHaveArrived: boolean;
  /** The HTTP status, when a status line arrived before the exchange failed (its body cut off or stalled). */
  readonly httpStatus?: number;
  /** What went wrong, without the method, path, kind and attempt count the message adds around it. */
  readonly detail: string;

  constructor(kind: TransportErrorKind, site: RequestSite, attempts: number, detail: string, options: TransportErrorOptions = {}) {
    super(
      `${site.method} ${site.path}: ${detail} (${kind}, ${attempts} attempt${attempts === 1 ? "" : "s"})`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.kind = kind;
    this.attempts = attempts;
    this.method = site.method;
    this.path = site.path;
    this.mayHaveArrived = options.mayHaveArrived ?? true;
    if (options.httpStatus !== undefined) this.httpStatus = options.httpStatus;
    this.detail = detail;
  }
}

/** The `code` property of any value (an error of this package, or of another copy of it); undefined if none. */
export function errorCodeOf(e: unknown): unknown {
  return typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
}

function hasCode(e: unknown, code: string): boolean {
  return errorCodeOf(e) === code;
}

/** True for any error thrown by this package (checks the stable code prefix). */
export function isFunctionGraphGateError(e: unknown): e is FunctionGraphGateError {
  const code = errorCodeOf(e);
  return typeof code === "string" && code.startsWith("FGS_");
}
export const isConfigurationError = (e: unknown): e is ConfigurationError => hasCode(e, ErrorCodes.configuration);
export const isFunctionGraphApiError = (e: unknown): e is FunctionGraphApiError => hasCode(e, ErrorCodes.api);
export const isResponseValidationError = (e: unknown): e is ResponseValidationError =>
  hasCode(e, ErrorCodes.responseValidation);
export const isTransportError = (e: unknown): e is TransportError => hasCode(e, ErrorCodes.transport);
