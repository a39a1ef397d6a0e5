/** Reading what arrived: the raw path and query, decoded segments, flattened headers, the body bytes. */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** The gateway's documented AK/SK body limit. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Splits `req.url` into the raw (encoded) path and raw query text. */
export function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf("?");
  return q < 0 ? { rawPath: url, rawQuery: "" } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

/** Decoded query (`+` is a space, as in form encoding); repeated keys become arrays in arrival order. */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Percent-decoded path segments, or undefined when the path has a broken escape. */
export function decodeSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split("/").map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** Headers as `name → value` strings (repeated headers joined with ", "). */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** The whole body; `undefined` when it exceeds `limit` (the rest is drained and dropped). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
