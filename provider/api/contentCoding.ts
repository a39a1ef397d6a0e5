/**
 * The body's content coding, undone strictly. node-fetch's own decoding accepts a gzip stream that ends
 * early or lacks its CRC and length trailer, so a body cut short could pass for a whole one. Here the
 * whole compressed stream is required (zlib's one-shot API refuses a truncated one), and a coding that
 * was not asked for is refused rather than read as text.
 */
import * as zlib from "node:zlib";
import { ExchangeFailure } from "./exchangeFailure";

/** The codings the client asks for (the header node-fetch sends when it decodes itself). */
export const ACCEPT_ENCODING = "gzip,deflate";

/** The body as text, decoded from `coding` (the Content-Encoding header), at most `maxBytes` once decoded. */
export function decodeBody(raw: Buffer, coding: string | undefined, maxBytes: number, status: number): string {
  const name = (coding ?? "").trim().toLowerCase();
  if (name === "" || name === "identity") return raw.toString("utf8");
  const options = { maxOutputLength: maxBytes };
  try {
    if (name === "gzip" || name === "x-gzip") return zlib.gunzipSync(raw, options).toString("utf8");
    // HTTP's deflate is zlib-wrapped; some servers send it raw, which the first byte tells apart.
    if (name === "deflate") return ((raw[0] ?? 0) & 0x0f) === 0x08 ? zlib.inflateSync(raw, options).toString("utf8") : zlib.inflateRawSync(raw, options).toString("utf8");
  } catch (e) {
    if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ExchangeFailure("body-too-large", `more than ${maxBytes} bytes once decoded`, status);
    }
    const why = typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : "invalid data";
    throw new ExchangeFailure("network", `the ${name} body is incomplete or corrupt (${why})`, status);
  }
  throw new ExchangeFailure("network", `the body has a content coding that was not asked for (${JSON.stringify(name.slice(0, 40))})`, status);
}
