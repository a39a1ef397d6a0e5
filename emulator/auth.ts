/**
 * SDK-HMAC-SHA256 verification as the API gateway does it: recompute the signature from what was actually
 * received (decoded path, query, the listed headers' values, the exact body bytes) with the signer's own
 * pure functions, and compare in constant time.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ALGORITHM, canonicalRequest, parseSdkDate, signature, stringToSign } from "../provider/api/signer";

/** An accepted AK/SK; `securityToken` marks a temporary credential, which must send that token. */
export interface EmulatorCredential {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** What was received. */
export interface ReceivedRequest {
  method: string;
  /** Path with each segment percent-decoded. */
  decodedPath: string;
  /** Query from the URL; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** Node's lowercased request headers. */
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The verdict. `expired` failures get the gateway's "signature expired" message; `reason` is for debugging. */
export type AuthResult =
  | { ok: true; accessKey: string }
  | { ok: false; expired: boolean; reason: string; accessKey?: string };

const AUTHORIZATION = /^(\S+) Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([^,\s]+)$/;

function fail(reason: string, accessKey?: string, expired = false): AuthResult {
  return { ok: false, expired, reason, accessKey };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing useful about the secret.
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Verifies one request against the accepted credentials at emulator time `nowMs`. */
export function verifyRequest(req: ReceivedRequest, credentials: readonly EmulatorCredential[], nowMs: number, maxSkewMs: number): AuthResult {
  const auth = headerValue(req.headers, "authorization");
  if (!auth) return fail("no Authorization header");
  const m = AUTHORIZATION.exec(auth);
  if (!m) return fail("malformed Authorization header");
  const [, algorithm, accessKey, signedList, provided] = m as unknown as [string, string, string, string, string];
  if (algorithm !== ALGORITHM) return fail(`unsupported algorithm ${algorithm}`);
  const credential = credentials.find((c) => c.accessKey === accessKey);
  if (!credential) return fail("unknown access key", accessKey);

  const names = signedList.split(";");
  if (names.some((n) => n === "" || n !== n.toLowerCase())) return fail("SignedHeaders must be lowercase names separated by ;", accessKey);
  if (!names.includes("host")) return fail("SignedHeaders lacks host", accessKey);
  if (!names.includes("x-sdk-date")) return fail("SignedHeaders lacks x-sdk-date", accessKey);
  if (names.includes("authorization")) return fail("SignedHeaders must not include authorization", accessKey);

  const sdkDate = headerValue(req.headers, "x-sdk-date");
  const date = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (!date) return fail("X-Sdk-Date missing or not YYYYMMDDTHHMMSSZ", accessKey, true);
  if (Math.abs(date.getTime() - nowMs) > maxSkewMs) return fail("X-Sdk-Date too far from the emulator clock", accessKey, true);

  const token = headerValue(req.headers, "x-security-token");
  if (credential.securityToken !== undefined) {
    if (token === undefined) return fail("temporary credential without X-Security-Token", accessKey);
    if (!names.includes("x-security-token")) return fail("X-Security-Token is not signed", accessKey);
    if (!safeEqual(token, credential.securityToken)) return fail("X-Security-Token does not match", accessKey);
  } else if (token !== undefined) {
    return fail("X-Security-Token sent with a permanent credential", accessKey);
  }

  const signedHeaders: Record<string, string> = {};
  for (const name of names) {
    const value = headerValue(req.headers, name);
    if (value === undefined) return fail(`signed header ${name} was not sent`, accessKey);
    signedHeaders[name] = value;
  }
  const canonical = canonicalRequest(
    { method: req.method, host: signedHeaders.host as string, path: req.decodedPath, query: req.query, headers: signedHeaders, body: req.body },
    signedHeaders,
  );
  const expected = signature(credential.secretKey, stringToSign(sdkDate as string, canonical.text));
  if (!safeEqual(provided, expected)) {
    // Like the real gateway, show our canonical request ('|' for newlines) to make client bugs debuggable.
    return fail(`signature mismatch; emulator canonical request: ${canonical.text.replace(/\n/g, "|")}`, accessKey);
  }
  return { ok: true, accessKey };
}
