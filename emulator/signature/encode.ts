/**
 * Percent-encoding as SDK-HMAC-SHA256 canonicalizes it: the RFC 3986 unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`) stay literal, every other UTF-8 byte becomes `%XX` with uppercase hex. So a space
 * is `%20` (never `+`) and `/`, `:`, `*` are always encoded.
 */

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** Encodes `text` byte by byte (UTF-8). */
export function percentEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Orders strings by UTF-16 code units, the order the specification's sorts use (not locale order). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
