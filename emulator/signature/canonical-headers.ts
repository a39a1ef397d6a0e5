/**
 * The canonical headers: for each name in the client's SignedHeaders list, `name:value\n` with the value
 * as received, surrounding whitespace removed (the published "Trimall" rule; HTTP parsers strip it on the
 * wire anyway). The list must already be lowercase, sorted in code-unit order and free of duplicates, as
 * the specification builds it; anything else is a client bug and is reported as such.
 */
import type { IncomingHttpHeaders } from "node:http";
import { compareCodeUnits } from "./encode";

/** The canonical header block, or the reason the SignedHeaders list cannot be used. */
export type CanonicalHeaders = { ok: true; block: string } | { ok: false; reason: string };

/** A received header's value; a header sent several times is joined with ", " as HTTP allows. */
export function receivedHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** Checks the SignedHeaders names and builds the block from the received headers. */
export function canonicalHeaders(headers: IncomingHttpHeaders, names: readonly string[]): CanonicalHeaders {
  let block = "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === "" || name !== name.toLowerCase()) return { ok: false, reason: "SignedHeaders must be lowercase names separated by ;" };
    if (i > 0 && compareCodeUnits(names[i - 1] as string, name) >= 0) {
      return { ok: false, reason: "SignedHeaders must be sorted and without duplicates" };
    }
    const value = receivedHeader(headers, name);
    if (value === undefined) return { ok: false, reason: `signed header ${name} was not sent` };
    block += `${name}:${value.trim()}\n`;
  }
  return { ok: true, block };
}
