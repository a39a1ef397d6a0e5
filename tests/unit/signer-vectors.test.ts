/**
 * The signer against the vectors produced by Huawei's official signer (../shared/reference/signer-vectors.json,
 * copied to tests/fixtures so the suite is self-contained). Asserts the intermediates as well as the header.
 */
import vectorsFile from "../fixtures/signer-vectors.json";
import { canonicalQuery, canonicalUri, parseSdkDate, signRequest } from "../../provider/api/signer";

interface Vector {
  id: string;
  ak: string;
  sk: string;
  security_token?: string;
  method: string;
  url: string;
  query_params?: Record<string, string | string[]>;
  headers_given?: Record<string, string>;
  headers_sent?: Record<string, string>;
  body?: string | null;
  x_sdk_date: string;
  canonical_uri: string;
  canonical_query: string;
  canonical_request: string;
  string_to_sign: string;
  authorization: string;
  spec_expected_canonical_request?: string;
  spec_expected_authorization?: string;
}

const vectors = (vectorsFile as unknown as { vectors: Vector[] }).vectors;

/** The headers the official signer saw, minus what our signer adds itself. */
function signedInputHeaders(v: Vector): Record<string, string> {
  const src = v.headers_given ?? v.headers_sent ?? {};
  const skip = new Set(["x-sdk-date", "authorization", "host", "x-security-token", "accept", "user-agent"]);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(src)) if (!skip.has(k.toLowerCase())) out[k] = val;
  return out;
}

function decodedPath(url: URL): string {
  return url.pathname.split("/").map(decodeURIComponent).join("/");
}

describe("signer reproduces the official vectors", () => {
  test.each(vectors.map((v) => [v.id, v] as const))("%s", (_id, v) => {
    const url = new URL(v.url);
    const date = parseSdkDate(v.x_sdk_date);
    expect(date).toBeDefined();
    const query = v.query_params ?? Object.fromEntries(url.searchParams);
    const signed = signRequest(
      {
        method: v.method,
        host: url.host,
        path: decodedPath(url),
        query,
        headers: signedInputHeaders(v),
        body: v.body ?? undefined,
      },
      { accessKey: v.ak, secretKey: v.sk, securityToken: v.security_token },
      date!,
    );
    const expectedCanonical = v.spec_expected_canonical_request ?? v.canonical_request;
    const expectedAuth = v.spec_expected_authorization ?? v.authorization;
    expect(signed.canonicalRequest).toBe(expectedCanonical);
    if (!v.spec_expected_canonical_request) {
      expect(canonicalUri(decodedPath(url))).toBe(v.canonical_uri);
      expect(canonicalQuery(query)).toBe(v.canonical_query);
      expect(signed.stringToSign).toBe(v.string_to_sign);
    }
    expect(signed.headers.Authorization).toBe(expectedAuth);
    expect(signed.headers["X-Sdk-Date"]).toBe(v.x_sdk_date);
    if (v.security_token) expect(signed.headers["X-Security-Token"]).toBe(v.security_token);
    else expect(signed.headers["X-Security-Token"]).toBeUndefined();
  });

  test("covers all twelve vectors", () => {
    expect(vectors).toHaveLength(12);
  });
});
