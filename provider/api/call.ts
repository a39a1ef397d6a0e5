/**
 * The shape of an API call and of its policy: what the client takes and gives, shared by the retry loop
 * and the single attempt.
 */
import type { BodyKind } from "../model/validate";
import type { FetchLike } from "./http";
import { type BackoffPolicy, DEFAULT_BACKOFF } from "./retry";

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
  /** Receives one line per attempt (method, URL, status, duration, request id); never headers. */
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
  method: "GET" | "POST";
  /** Decoded path segments after the base path; each is percent-encoded once on the wire. */
  segments: string[];
  query?: Record<string, string>;
  /** Extra headers to send and sign. */
  headers?: Record<string, string>;
  /** A JSON value to send as the body (POST). */
  body?: unknown;
  /** The documented shape of the 200 body; `"none"` when the body carries nothing (it is still read). */
  kind: BodyKind | "none";
}

export interface ApiResult {
  body: unknown;
  status: number;
  requestId?: string;
  attempts: number;
}
