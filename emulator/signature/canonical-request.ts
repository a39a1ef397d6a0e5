/**
 * The last steps: the canonical request (six lines), the string to sign (three lines) and the signature,
 * an HMAC-SHA256 keyed with the secret key itself (no derived key, no credential scope).
 */
import { createHmac } from "node:crypto";
import { ALGORITHM } from "./authorization";
import { sha256Hex } from "./payload-hash";

/** The canonicalized parts of one request. */
export interface CanonicalParts {
  method: string;
  uri: string;
  query: string;
  /** Each line ends with `\n`, so a blank line follows the block in the canonical request. */
  headerBlock: string;
  signedHeaders: string;
  payloadHash: string;
}

/** METHOD, URI, query, header block, signed header list and payload hash, joined by `\n`. */
export function canonicalRequest(p: CanonicalParts): string {
  return [p.method, p.uri, p.query, p.headerBlock, p.signedHeaders, p.payloadHash].join("\n");
}

/** The algorithm, the `X-Sdk-Date` value and the hex SHA-256 of the canonical request, joined by `\n`. */
export function stringToSign(sdkDate: string, canonical: string): string {
  return [ALGORITHM, sdkDate, sha256Hex(canonical)].join("\n");
}

/** Lowercase hex HMAC-SHA256 of the string to sign, keyed with the secret key's UTF-8 bytes. */
export function hmacSignature(secretKey: string, toSign: string): string {
  return createHmac("sha256", secretKey).update(toSign, "utf8").digest("hex");
}
