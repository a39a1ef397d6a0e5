/**
 * One HTTP attempt with node-fetch 2: no redirects followed, a body size cap, and an AbortSignal that
 * covers headers and body. Returns what happened as data; the retry loop decides what it means.
 */
import nodeFetch from "node-fetch";
import type { AbortCause } from "./abort";

/** The subset of a fetch implementation the client needs (node-fetch 2 by default; injectable). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    redirect: "manual";
    signal: AbortSignal;
    size: number;
    compress: boolean;
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  buffer(): Promise<Buffer>;
}>;

export interface AttemptInput {
  url: string;
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  maxBytes: number;
  fetch?: FetchLike;
}

export type AttemptResult =
  | { kind: "response"; status: number; header(name: string): string | undefined; body: Buffer }
  | { kind: "failure"; failure: "network" | "body-too-large" | "abort"; detail: string; cause: unknown };

function describe(e: unknown): string {
  const err = e as { code?: string; type?: string; message?: string };
  const code = err?.code ?? err?.type;
  const msg = typeof err?.message === "string" ? err.message.replace(/https?:\/\/\S+/g, "<url>") : String(e);
  return code ? `${code}: ${msg}` : msg;
}

/** Sends one request and reads the whole body (bounded), or reports why it could not. */
export async function attempt(input: AttemptInput): Promise<AttemptResult> {
  const fetch = input.fetch ?? (nodeFetch as unknown as FetchLike);
  try {
    const res = await fetch(input.url, {
      method: input.method,
      headers: input.headers,
      redirect: "manual",
      signal: input.signal,
      size: input.maxBytes,
      compress: true,
    });
    const declared = Number(res.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > input.maxBytes) {
      return { kind: "failure", failure: "body-too-large", detail: `response declares ${declared} bytes`, cause: undefined };
    }
    const body = await res.buffer();
    return {
      kind: "response",
      status: res.status,
      header: (name) => res.headers.get(name) ?? undefined,
      body,
    };
  } catch (e) {
    const err = e as { type?: string; name?: string };
    if (input.signal.aborted || err?.name === "AbortError" || err?.type === "aborted") {
      return { kind: "failure", failure: "abort", detail: "aborted", cause: e };
    }
    if (err?.type === "max-size") {
      return { kind: "failure", failure: "body-too-large", detail: describe(e), cause: e };
    }
    return { kind: "failure", failure: "network", detail: describe(e), cause: e };
  }
}

export type { AbortCause };
