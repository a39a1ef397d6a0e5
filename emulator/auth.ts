/**
 * SDK-HMAC-SHA256 verification as the API gateway does it: recompute the signature from what was actually
 * received (the raw path and query, the listed headers' values, the exact body bytes) and compare it in
 * constant time. The canonicalization steps live in `signature/`, written from the specification
 * (functiongraph-api.md section 1) and nothing else: the emulator checks the product's signer, so it must
 * not share its code.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseAuthorization } from "./signature/authorization";
import { canonicalHeaders, receivedHeader } from "./signature/canonical-headers";
import { canonicalQuery, parseQuery } from "./signature/canonical-query";
import { canonicalRequest, hmacSignature, stringToSign } from "./signature/canonical-request";
import { canonicalUri } from "./signature/canonical-uri";
import { payloadHash } from "./signature/payload-hash";
import { parseSdkDate } from "./signature/sdk-date";

/** An accepted AK/SK; `securityToken` marks a temporary credential, which must send that token. */
export interface EmulatorCredential {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** What was received, untouched. */
export interface ReceivedRequest {
  method: string;
  /** The path as on the wire (still percent-encoded), without the query. */
  rawPath: string;
  /** The query text as on the wire, without `?`. */
  rawQuery: string;
  /** Node's lowercased request headers. */
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The verdict. `expired` failures get the gateway's "signature expired" message; `reason` is for debugging. */
export type AuthResult =
  | { ok: true; accessKey: string }
  | { ok: false; expired: boolean; reason: string; accessKey?: string };

/** The canonical request the emulator computed, or why it could not compute one. */
export type CanonicalOutcome = { ok: true; text: string } | { ok: false; reason: string };

function fail(reason: string, accessKey?: string, expired = false): AuthResult {
  return { ok: false, expired, reason, accessKey };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing useful about the secret.
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The canonical request of a received request for the given SignedHeaders list (exported for tests). */
export function canonicalRequestOf(req: ReceivedRequest, signedNames: readonly string[]): CanonicalOutcome {
  const uri = canonicalUri(req.rawPath);
  if (uri === undefined) return { ok: false, reason: "the path has a broken percent-escape" };
  const params = parseQuery(req.rawQuery);
  if (params === undefined) return { ok: false, reason: "the query has a broken percent-escape" };
  const headers = canonicalHeaders(req.headers, signedNames);
  if (!headers.ok) return headers;
  const hash = payloadHash(req.headers, req.body);
  if (!hash.ok) return hash;
  const text = canonicalRequest({
    method: req.method,
    uri,
    query: canonicalQuery(params),
    headerBlock: headers.block,
    signedHeaders: signedNames.join(";"),
    payloadHash: hash.hash,
  });
  return { ok: true, text };
}

/** The security token rules: a temporary credential sends its token, signed; a permanent one sends none. */
function checkToken(req: ReceivedRequest, credential: EmulatorCredential, signedNames: readonly string[]): string | undefined {
  const token = receivedHeader(req.headers, "x-security-token");
  if (credential.securityToken === undefined) return token === undefined ? undefined : "X-Security-Token sent with a permanent credential";
  if (token === undefined) return "temporary credential without X-Security-Token";
  if (!signedNames.includes("x-security-token")) return "X-Security-Token is not signed";
  return safeEqual(token, credential.securityToken) ? undefined : "X-Security-Token does not match";
}

/** Verifies one request against the accepted credentials at emulator time `nowMs`. */
export function verifyRequest(req: ReceivedRequest, credentials: readonly EmulatorCredential[], nowMs: number, maxSkewMs: number): AuthResult {
  const parsed = parseAuthorization(receivedHeader(req.headers, "authorization"));
  if (!parsed.ok) return fail(parsed.reason);
  const { accessKey, signedHeaders: names, signature } = parsed.parts;
  const credential = credentials.find((c) => c.accessKey === accessKey);
  if (!credential) return fail("unknown access key", accessKey);
  if (!names.includes("host")) return fail("SignedHeaders lacks host", accessKey);
  if (!names.includes("x-sdk-date")) return fail("SignedHeaders lacks x-sdk-date", accessKey);
  if (names.includes("authorization")) return fail("SignedHeaders must not include authorization", accessKey);

  const sdkDate = receivedHeader(req.headers, "x-sdk-date");
  const dateMs = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (dateMs === undefined) return fail("X-Sdk-Date missing or not YYYYMMDDTHHMMSSZ", accessKey, true);
  if (Math.abs(dateMs - nowMs) > maxSkewMs) return fail("X-Sdk-Date too far from the emulator clock", accessKey, true);

  const tokenProblem = checkToken(req, credential, names);
  if (tokenProblem) return fail(tokenProblem, accessKey);

  const canonical = canonicalRequestOf(req, names);
  if (!canonical.ok) return fail(canonical.reason, accessKey);
  const expected = hmacSignature(credential.secretKey, stringToSign(sdkDate as string, canonical.text));
  if (!safeEqual(signature, expected)) {
    // Like the real gateway, show our canonical request ('|' for newlines) to make client bugs debuggable.
    return fail(`signature mismatch; emulator canonical request: ${canonical.text.replace(/\n/g, "|")}`, accessKey);
  }
  return { ok: true, accessKey };
}
