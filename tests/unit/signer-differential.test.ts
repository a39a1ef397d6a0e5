/**
 * Differential test: our signer against Huawei's official signer (AKSKSigner from
 * @huaweicloud/huaweicloud-sdk-core) over many generated requests. The generator stays inside the space
 * where the official signer follows the published algorithm: it avoids the SDK's documented quirks
 * (characters that Node's legacy url.parse escapes before signing, `_` vs `-` header ordering, untrimmed
 * header values), which the vector test covers separately.
 */
import fc from "fast-check";
import { signRequest, formatSdkDate } from "../../provider/api/signer";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
  AKSKSigner: { sign(request: unknown, credential: unknown): Record<string, string> };
};

const segmentChar = fc.oneof(
  fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:@!$&()*+,;="),
  fc.constantFrom("ü", "é", "执", "行", "日", "本", "😀"),
);
const segment = fc.array(segmentChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(""));
const queryText = fc.string({ unit: "grapheme", maxLength: 16 });
const headerName = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), { minLength: 1, maxLength: 8 })
  .map((cs) => `x-${cs.join("")}`)
  .filter((n) => n !== "x-sdk-date" && n !== "x-security-token");
const headerValue = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_.:/=+ "), { minLength: 1, maxLength: 20 })
  .map((cs) => cs.join("").trim())
  .filter((v) => v.length > 0);

const request = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
  host: fc.constantFrom("functiongraph.cn-north-4.myhuaweicloud.com", "127.0.0.1:9000", "iam.myhuaweicloud.com"),
  segments: fc.array(segment, { minLength: 1, maxLength: 6 }),
  query: fc.dictionary(queryText.filter((k) => k.length > 0), fc.oneof(queryText, fc.array(queryText, { maxLength: 3 })), { maxKeys: 4 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  body: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer())), { nil: undefined }),
  token: fc.option(fc.constantFrom("gQpjbi1ub3J0aC00SECURITYTOKENEXAMPLE+/=", "tok-2"), { nil: undefined }),
  date: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
});

test("matches the official signer on 500 generated requests", () => {
  fc.assert(
    fc.property(request, (r) => {
      const date = new Date(Math.floor(r.date.getTime() / 1000) * 1000);
      const path = "/" + r.segments.join("/");
      const body = r.body === undefined ? undefined : JSON.stringify(r.body);
      const baseHeaders: Record<string, string> = { "content-type": "application/json", ...r.headers };
      const ak = "QTWAOYTTINDUT2QVKYUC";
      const sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

      const sdkHeaders: Record<string, string> = { ...baseHeaders, "X-Sdk-Date": formatSdkDate(date) };
      if (r.token) sdkHeaders["X-Security-Token"] = r.token;
      const official = AKSKSigner.sign(
        {
          method: r.method,
          endpoint: `https://${r.host}${path}`,
          headers: sdkHeaders,
          queryParams: JSON.parse(JSON.stringify(r.query)),
          data: r.body,
        },
        { getAk: () => ak, getSk: () => sk },
      );

      const ours = signRequest(
        { method: r.method, host: r.host, path, query: r.query, headers: baseHeaders, body },
        { accessKey: ak, secretKey: sk, securityToken: r.token },
        date,
      );
      expect(ours.headers.Authorization).toBe(official.Authorization);
    }),
    { numRuns: 500 },
  );
});
