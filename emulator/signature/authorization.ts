/**
 * The `Authorization` header: `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>`.
 */

/** The algorithm token this verifier knows. */
export const ALGORITHM = "SDK-HMAC-SHA256";

/** The parts of a well-formed Authorization header. */
export interface AuthorizationParts {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

const FORM = /^(\S+) Access=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([^,\s]+)$/;

/** Parses the header, or says what is wrong with it. */
export function parseAuthorization(value: string | undefined): { ok: true; parts: AuthorizationParts } | { ok: false; reason: string } {
  if (value === undefined) return { ok: false, reason: "no Authorization header" };
  const m = FORM.exec(value);
  if (!m) return { ok: false, reason: "malformed Authorization header" };
  const [, algorithm, accessKey, list, signature] = m as unknown as [string, string, string, string, string];
  if (algorithm !== ALGORITHM) return { ok: false, reason: `unsupported algorithm ${algorithm}` };
  if (!/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "Signature must be 64 lowercase hex digits" };
  return { ok: true, parts: { accessKey, signedHeaders: list.split(";"), signature } };
}
