/**
 * The emulator's own verifier against the official signer's vectors (tests/fixtures/signer-vectors.json):
 * every intermediate artefact (canonical URI, query, request, string to sign) and the final verdict, then
 * each signed part altered in turn. The verifier shares no code with provider/, so these tests check the
 * specification, not the product's reading of it.
 */
import type { IncomingHttpHeaders } from "node:http";
import { canonicalRequestOf, verifyRequest, type EmulatorCredential, type ReceivedRequest } from "../../emulator/auth";
import { canonicalQuery, parseQuery } from "../../emulator/signature/canonical-query";
import { hmacSignature, stringToSign } from "../../emulator/signature/canonical-request";
import { canonicalUri } from "../../emulator/signature/canonical-uri";
import { parseSdkDate } from "../../emulator/signature/sdk-date";
import fixture from "../fixtures/signer-vectors.json";

interface Vector {
  id: string;
  ak: string;
  sk: string;
  security_token?: string;
  method: string;
  url: string;
  headers_given?: Record<string, string>;
  headers_sent?: Record<string, string>;
  body?: string | null;
  x_sdk_date: string;
  canonical_uri: string;
  canonical_query: string;
  signed_headers: string;
  canonical_request: string;
  string_to_sign: string;
  signature: string;
  authorization: string;
  spec_expected_canonical_request?: string;
  spec_expected_authorization?: string;
}

const VECTORS = fixture.vectors as unknown as Vector[];
const SKEW = 15 * 60_000;
/** The Node SDK double-encodes an escaped path (F3) and signs untrimmed header values (D4): client quirks. */
const QUIRKS = ["F3-path-special-chars", "D4-header-values-not-trimmed"];

/** The request as a server receives it: the URL's wire form, lowercased headers, the body bytes. */
function received(v: Vector, authorization = v.authorization): ReceivedRequest {
  const url = new URL(v.url);
  const headers: IncomingHttpHeaders = {};
  for (const [k, value] of Object.entries(v.headers_sent ?? v.headers_given ?? {})) headers[k.toLowerCase()] = value;
  headers.host ??= url.host;
  headers.authorization = authorization;
  return { method: v.method, rawPath: url.pathname, rawQuery: url.search.slice(1), headers, body: Buffer.from(v.body ?? "", "utf8") };
}

function credential(v: Vector): EmulatorCredential {
  return v.security_token === undefined ? { accessKey: v.ak, secretKey: v.sk } : { accessKey: v.ak, secretKey: v.sk, securityToken: v.security_token };
}

function verify(v: Vector, req: ReceivedRequest, cred = credential(v)) {
  return verifyRequest(req, [cred], parseSdkDate(v.x_sdk_date) as number, SKEW);
}

test("the fixture holds the 12 vectors of the reference", () => {
  expect(VECTORS).toHaveLength(12);
});

describe.each(VECTORS.filter((v) => !QUIRKS.includes(v.id)).map((v) => [v.id, v] as const))("vector %s", (_id, v) => {
  const req = received(v);
  const names = v.signed_headers.split(";");

  test("canonical URI and query", () => {
    expect(canonicalUri(req.rawPath)).toBe(v.canonical_uri);
    expect(canonicalQuery(parseQuery(req.rawQuery)!)).toBe(v.canonical_query);
  });

  test("canonical request, string to sign and signature", () => {
    const canonical = canonicalRequestOf(req, names);
    expect(canonical).toEqual({ ok: true, text: v.canonical_request });
    const sts = stringToSign(v.x_sdk_date, v.canonical_request);
    expect(sts).toBe(v.string_to_sign);
    expect(hmacSignature(v.sk, sts)).toBe(v.signature);
  });

  test("is accepted", () => {
    expect(verify(v, req)).toEqual({ ok: true, accessKey: v.ak });
  });
});

describe("client quirks of the Node SDK are rejected, as the gateway would", () => {
  const f3 = VECTORS.find((v) => v.id === "F3-path-special-chars")!;
  const d4 = VECTORS.find((v) => v.id === "D4-header-values-not-trimmed")!;

  test("F3: the path is decoded once before encoding, so the spec's signature passes and the SDK's double-encoded one fails", () => {
    const req = received(f3);
    expect(canonicalRequestOf(req, f3.signed_headers.split(";"))).toEqual({ ok: true, text: f3.spec_expected_canonical_request });
    expect(verify(f3, req)).toMatchObject({ ok: false, reason: expect.stringContaining("signature mismatch") });
    expect(verify(f3, received(f3, f3.spec_expected_authorization))).toEqual({ ok: true, accessKey: f3.ak });
  });

  test("D4: header values are trimmed (the published Trimall rule), so the SDK's untrimmed signature fails", () => {
    const req = received(d4);
    const trimmed = d4.canonical_request.replace("x-custom-thing:  spaced value  \n", "x-custom-thing:spaced value\n");
    expect(canonicalRequestOf(req, d4.signed_headers.split(";"))).toEqual({ ok: true, text: trimmed });
    expect(verify(d4, req).ok).toBe(false);
  });
});

describe("any altered signed part is rejected", () => {
  const post = VECTORS.find((v) => v.id === "F4-post-with-body")!;
  const temp = VECTORS.find((v) => v.id === "F5-security-token")!;
  const list = VECTORS.find((v) => v.id === "D1-query-encoding")!;
  const mismatch = { ok: false, reason: expect.stringContaining("signature mismatch") };
  const alter = (v: Vector, change: (r: ReceivedRequest) => void): ReceivedRequest => {
    const r = received(v);
    r.headers = { ...r.headers };
    change(r);
    return r;
  };

  test("method", () => {
    expect(verify(post, alter(post, (r) => void (r.method = "PUT")))).toMatchObject(mismatch);
  });

  test("path, including a trailing segment or an escape that decodes differently", () => {
    expect(verify(post, alter(post, (r) => void (r.rawPath = r.rawPath.replace("3e9c5ac5", "3e9c5ac6"))))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void (r.rawPath += "/x")))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void (r.rawPath = r.rawPath.replace("executions", "executions%2F"))))).toMatchObject(mismatch);
  });

  test("query: a value, a key, an added parameter, a repeated key's order does not matter but its values do", () => {
    expect(verify(list, alter(list, (r) => void (r.rawQuery = r.rawQuery.replace("status=running", "status=success"))))).toMatchObject(mismatch);
    expect(verify(list, alter(list, (r) => void (r.rawQuery = r.rawQuery.replace("status=", "state="))))).toMatchObject(mismatch);
    expect(verify(list, alter(list, (r) => void (r.rawQuery += "&limit=1")))).toMatchObject(mismatch);
    expect(verify(list, alter(list, (r) => void (r.rawQuery = r.rawQuery.replace("z=b&z=a", "z=a&z=b"))))).toEqual({ ok: true, accessKey: list.ak });
    expect(verify(list, alter(list, (r) => void (r.rawQuery = r.rawQuery.replace("z=b&z=a", "z=b&z=c"))))).toMatchObject(mismatch);
    expect(verify(list, alter(list, (r) => void (r.rawQuery = "")))).toMatchObject(mismatch);
  });

  test("a signed header's value, and a signed header that is missing", () => {
    expect(verify(post, alter(post, (r) => void (r.headers["x-project-id"] = "0123456789abcdef0123456789abcdee")))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void (r.headers.host = "functiongraph.cn-north-1.myhuaweicloud.com")))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void delete r.headers["x-project-id"]))).toMatchObject({ ok: false, reason: "signed header x-project-id was not sent" });
  });

  test("body: other bytes, one byte more, none; and a declared hash that is not the body's", () => {
    expect(verify(post, alter(post, (r) => void (r.body = Buffer.from('{"input":{"name":"pulumi","n":2}}'))))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void (r.body = Buffer.concat([r.body, Buffer.from(" ")]))))).toMatchObject(mismatch);
    expect(verify(post, alter(post, (r) => void (r.body = Buffer.alloc(0))))).toMatchObject(mismatch);
    const declared = alter(post, (r) => void (r.headers["x-sdk-content-sha256"] = "0".repeat(64)));
    expect(verify(post, declared)).toMatchObject({ ok: false, reason: expect.stringContaining("X-Sdk-Content-Sha256") });
  });

  test("date: one second off is a mismatch, beyond the skew it is 'expired', a malformed one too", () => {
    expect(verify(post, alter(post, (r) => void (r.headers["x-sdk-date"] = "20240506T070810Z")))).toMatchObject(mismatch);
    const now = parseSdkDate(post.x_sdk_date) as number;
    expect(verifyRequest(received(post), [credential(post)], now + SKEW + 1000, SKEW)).toMatchObject({ ok: false, expired: true });
    expect(verifyRequest(received(post), [credential(post)], now - SKEW - 1000, SKEW)).toMatchObject({ ok: false, expired: true });
    expect(verifyRequest(received(post), [credential(post)], now + SKEW, SKEW)).toEqual({ ok: true, accessKey: post.ak });
    for (const bad of ["2024-05-06T07:08:09Z", "20240506T070809", "20240230T070809Z", "20240506T246060Z"]) {
      expect(verify(post, alter(post, (r) => void (r.headers["x-sdk-date"] = bad)))).toMatchObject({ ok: false, expired: true });
    }
  });

  test("security token: another value is refused, and the signature covers it too", () => {
    const other = "gQpjbi1ub3J0aC00SECURITYTOKENEXAMPLE+/-";
    const changed = alter(temp, (r) => void (r.headers["x-security-token"] = other));
    expect(verify(temp, changed)).toMatchObject({ ok: false, reason: "X-Security-Token does not match" });
    expect(verify(temp, changed, { ...credential(temp), securityToken: other })).toMatchObject(mismatch);
    expect(verify(temp, alter(temp, (r) => void delete r.headers["x-security-token"]))).toMatchObject({ ok: false, reason: "temporary credential without X-Security-Token" });
    expect(verify(temp, received(temp), { accessKey: temp.ak, secretKey: temp.sk })).toMatchObject({ ok: false, reason: "X-Security-Token sent with a permanent credential" });
  });

  test("access key, secret key and the Authorization header's form", () => {
    expect(verify(post, received(post), { accessKey: "OTHERAK", secretKey: post.sk })).toMatchObject({ ok: false, reason: "unknown access key" });
    expect(verify(post, received(post), { accessKey: post.ak, secretKey: `${post.sk}x` })).toMatchObject(mismatch);
    const auth = post.authorization;
    const cases: Array<[string, string]> = [
      [auth.replace("SDK-HMAC-SHA256", "V11-HMAC-SHA256"), "unsupported algorithm V11-HMAC-SHA256"],
      [auth.replace(/Signature=[0-9a-f]+/, "Signature=ABC"), "Signature must be 64 lowercase hex digits"],
      [auth.replace("SignedHeaders=content-type;host;", "SignedHeaders=host;content-type;"), "SignedHeaders must be sorted and without duplicates"],
      [auth.replace("SignedHeaders=content-type;", "SignedHeaders=Content-Type;"), "SignedHeaders must be lowercase names separated by ;"],
      [auth.replace("host;", ""), "SignedHeaders lacks host"],
      [auth.replace(";x-sdk-date", ""), "SignedHeaders lacks x-sdk-date"],
      [auth.replace("Access=", "Credential="), "malformed Authorization header"],
    ];
    for (const [value, reason] of cases) expect(verify(post, received(post, value))).toMatchObject({ ok: false, reason });
    expect(verify(post, alter(post, (r) => void delete r.headers.authorization))).toMatchObject({ ok: false, reason: "no Authorization header" });
  });
});
