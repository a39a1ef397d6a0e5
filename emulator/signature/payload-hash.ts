/**
 * The payload hash: lowercase hex SHA-256 of the exact body bytes received (the empty string's hash when
 * there is no body). A client may instead send `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, which is then
 * used verbatim; any other value of that header must be the body's real hash.
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { receivedHeader } from "./canonical-headers";

/** The literal that opts a body out of signing. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** Lowercase hex SHA-256. */
export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The payload hash line, or the reason the declared hash is unusable. */
export function payloadHash(headers: IncomingHttpHeaders, body: Buffer): { ok: true; hash: string } | { ok: false; reason: string } {
  const actual = sha256Hex(body);
  const declared = receivedHeader(headers, "x-sdk-content-sha256");
  if (declared === undefined) return { ok: true, hash: actual };
  if (declared === UNSIGNED_PAYLOAD) return { ok: true, hash: declared };
  if (declared !== actual) return { ok: false, reason: "X-Sdk-Content-Sha256 is not the SHA-256 of the body" };
  return { ok: true, hash: actual };
}
