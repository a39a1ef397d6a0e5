/**
 * One HTTP exchange with node-fetch 2, which settles whatever the server does.
 *
 * node-fetch reports some framing faults only by destroying the body stream (sometimes before anyone
 * listens), and a connection reset in the middle of a Content-Length body not at all. So an exchange is
 * not allowed to depend on node-fetch's events to end: it settles on the first of
 *  - the body read to its end (node-fetch's stream, whose own errors count),
 *  - the response closing before it was complete (watched through the agent, see ./connection),
 *  - the exchange's signal firing (its timer, the caller's cancellation): our own timer, not an event.
 * An exchange that did not end cleanly destroys its connection, so a slot is never held by a dead
 * exchange and a poisoned connection never goes back to the pool.
 */
import nodeFetch from "node-fetch";
import { openConnectionWatch } from "./connection";
import { ACCEPT_ENCODING, decodeBody } from "./contentCoding";
import { ExchangeFailure } from "./exchangeFailure";
import { isIdempotent } from "./retry";

export { ExchangeFailure };

/** The subset of a fetch implementation the client needs (node-fetch 2 by default; injectable). */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect: "manual";
  signal: AbortSignal;
  size: number;
  compress: boolean;
  agent?: unknown;
}

export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** node-fetch's body stream; any async iterable of chunks works (tests). */
  body: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
}

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  /** A response header by name (case-insensitive); several values are joined with ", ". */
  header(name: string): string | undefined;
  text: string;
}

/** Error codes meaning the connection was never established, so the request was not sent. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export interface ExchangeOptions {
  /** Ends the exchange when it fires; `signal.reason` is passed through as the failure's detail. */
  signal: AbortSignal;
  maxBytes: number;
  fetch?: FetchLike;
}

/** Sends `req` and reads the whole body, or throws ExchangeFailure. Never outlives `options.signal`. */
export async function exchange(req: WireRequest, options: ExchangeOptions): Promise<WireResponse> {
  const { signal } = options;
  // Only idempotent requests share pooled connections (see ./connection).
  const watch = openConnectionWatch(new URL(req.url), isIdempotent(req.method));
  const stopped = whenAborted(signal);
  let status: number | undefined;
  let clean = false;
  try {
    const fetch = options.fetch ?? (nodeFetch as unknown as FetchLike);
    // Decoding is ours (./contentCoding): node-fetch's would pass a gzip body cut short.
    const headers = { ...req.headers, "Accept-Encoding": ACCEPT_ENCODING };
    const init: FetchInit = { method: req.method, headers, redirect: "manual", signal, size: options.maxBytes, compress: false, agent: watch.agent };
    if (req.body !== undefined) init.body = req.body;
    const res = await Promise.race([fetch(req.url, init), stopped.promise]);
    status = res.status;
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > options.maxBytes) {
      throw new ExchangeFailure("body-too-large", `the response declares ${declared} bytes`, status);
    }
    const raw = await Promise.race([readBytes(res.body, options.maxBytes), watch.closedEarly, stopped.promise]);
    const text = decodeBody(raw, res.headers.get("content-encoding") ?? undefined, options.maxBytes, status);
    clean = true;
    return { status, header: (name) => res.headers.get(name) ?? undefined, text };
  } catch (e) {
    throw asFailure(e, signal, status);
  } finally {
    stopped.dispose();
    watch.release(clean);
  }
}

/** A promise that rejects when `signal` fires, and a way to stop listening. */
function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ExchangeFailure("aborted", String(signal.reason ?? "aborted")));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  // Nobody may be awaiting this promise when it rejects (the exchange ended first).
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}

/** The whole body as sent, refusing more than `maxBytes`. */
async function readBytes(body: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += buf.length;
    if (bytes > maxBytes) throw new ExchangeFailure("body-too-large", `more than ${maxBytes} bytes received`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, bytes);
}

/** Network and node-fetch errors as an ExchangeFailure, with a description safe to show (no raw packet). */
function asFailure(e: unknown, signal: AbortSignal, status: number | undefined): ExchangeFailure {
  if (e instanceof ExchangeFailure) {
    return e.status === undefined && status !== undefined ? new ExchangeFailure(e.kind, e.detail, status, e.notSent) : e;
  }
  if (signal.aborted) return new ExchangeFailure("aborted", String(signal.reason ?? "aborted"), status);
  const err = e as { type?: unknown; code?: unknown; errno?: unknown };
  if (err?.type === "max-size") return new ExchangeFailure("body-too-large", "the body exceeded the size limit", status);
  const code = firstString(err?.code, err?.errno, err?.type);
  const notSent = status === undefined && code !== undefined && NOT_SENT_CODES.has(code);
  return new ExchangeFailure("network", describe(e, code), status, notSent);
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === "string");
}

/**
 * A short description of a network error: its code and message, with node-fetch's "request to <url>
 * failed, reason:" prefix dropped (the client names the request itself). Only the message is used:
 * parse errors carry the raw packet, which is the server's text and never shown.
 */
function describe(e: unknown, code: string | undefined): string {
  const raw = e instanceof Error ? e.message : String(e);
  const message = raw.replace(/^request to \S+ failed, reason: /, "").slice(0, 200);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
