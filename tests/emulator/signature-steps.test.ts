/** Each canonicalization step of the emulator's verifier on its own, with the cases the specification names. */
import { parseAuthorization } from "../../emulator/signature/authorization";
import { canonicalHeaders } from "../../emulator/signature/canonical-headers";
import { canonicalQuery, parseQuery } from "../../emulator/signature/canonical-query";
import { canonicalRequest } from "../../emulator/signature/canonical-request";
import { canonicalUri } from "../../emulator/signature/canonical-uri";
import { percentEncode } from "../../emulator/signature/encode";
import { payloadHash, UNSIGNED_PAYLOAD } from "../../emulator/signature/payload-hash";
import { parseSdkDate } from "../../emulator/signature/sdk-date";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

test.each([
  ["AZaz09-_.~", "AZaz09-_.~"],
  [" ", "%20"],
  ["*", "%2A"],
  ["/:+", "%2F%3A%2B"],
  ["!'()", "%21%27%28%29"],
  ["ü", "%C3%BC"],
  ["日本", "%E6%97%A5%E6%9C%AC"],
  ["%", "%25"],
])("percentEncode(%j) = %s", (input, expected) => {
  expect(percentEncode(input)).toBe(expected);
});

describe("canonical URI", () => {
  test.each([
    ["/v2/p/fgs/workflows", "/v2/p/fgs/workflows/"],
    ["/v2/p/fgs/workflows/", "/v2/p/fgs/workflows/"],
    ["/", "/"],
    ["/a//b", "/a//b/"],
    ["/wf:demo%20test", "/wf%3Ademo%20test/"],
    ["/wf%3Ademo", "/wf%3Ademo/"],
    ["/a%2520b", "/a%2520b/"],
    ["/ex%C3%A9", "/ex%C3%A9/"],
  ])("%s → %s", (raw, expected) => {
    expect(canonicalUri(raw)).toBe(expected);
  });

  test("a broken escape gives no URI", () => {
    expect(canonicalUri("/a%zz")).toBeUndefined();
    expect(canonicalUri("/a%C3")).toBeUndefined();
  });
});

describe("canonical query", () => {
  test("parsing: + is a space, repeated keys keep every value, a key without = has an empty value", () => {
    expect(parseQuery("a=1+2&b=x%20y&a=0&flag&&c=")).toEqual({ a: ["1 2", "0"], b: ["x y"], flag: [""], c: [""] });
    expect(parseQuery("a=%zz")).toBeUndefined();
    expect(parseQuery("")).toEqual({});
  });

  test("keys sorted by their decoded form in code-unit order (z before ü, B before a), values sorted", () => {
    expect(canonicalQuery({ ü: ["x"], z: ["b", "a"], a: ["1"], B: ["2"] })).toBe("B=2&a=1&z=a&z=b&%C3%BC=x");
  });

  test("every character outside the unreserved set is encoded", () => {
    expect(canonicalQuery({ "name key": ["a/b*c~d"] })).toBe("name%20key=a%2Fb%2Ac~d");
    expect(canonicalQuery({})).toBe("");
  });
});

describe("canonical headers", () => {
  const headers = { host: "h", "x-sdk-date": "20240506T070809Z", "x-b": "  padded  ", "x-list": ["a", "b"] };

  test("lines in SignedHeaders order, values trimmed, repeated headers joined", () => {
    expect(canonicalHeaders(headers, ["host", "x-b", "x-list", "x-sdk-date"])).toEqual({
      ok: true,
      block: "host:h\nx-b:padded\nx-list:a, b\nx-sdk-date:20240506T070809Z\n",
    });
  });

  test.each([
    [["x-sdk-date", "host"], "SignedHeaders must be sorted and without duplicates"],
    [["host", "host"], "SignedHeaders must be sorted and without duplicates"],
    [["Host"], "SignedHeaders must be lowercase names separated by ;"],
    [["host", ""], "SignedHeaders must be lowercase names separated by ;"],
    [["host", "x-missing"], "signed header x-missing was not sent"],
  ])("%j is refused: %s", (names, reason) => {
    expect(canonicalHeaders(headers, names)).toEqual({ ok: false, reason });
  });
});

describe("payload hash", () => {
  test("the exact body bytes, or the empty string's hash", () => {
    expect(payloadHash({}, Buffer.alloc(0))).toEqual({ ok: true, hash: EMPTY_SHA256 });
    expect(payloadHash({}, Buffer.from("{}"))).toEqual({ ok: true, hash: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" });
  });

  test("X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD is used verbatim; another value must be the real hash", () => {
    expect(payloadHash({ "x-sdk-content-sha256": UNSIGNED_PAYLOAD }, Buffer.from("x"))).toEqual({ ok: true, hash: UNSIGNED_PAYLOAD });
    expect(payloadHash({ "x-sdk-content-sha256": EMPTY_SHA256 }, Buffer.alloc(0))).toEqual({ ok: true, hash: EMPTY_SHA256 });
    expect(payloadHash({ "x-sdk-content-sha256": EMPTY_SHA256 }, Buffer.from("x")).ok).toBe(false);
  });
});

test("the canonical request joins six parts; the header block's own newline leaves a blank line", () => {
  const text = canonicalRequest({ method: "GET", uri: "/a/", query: "", headerBlock: "host:h\n", signedHeaders: "host", payloadHash: "p" });
  expect(text).toBe("GET\n/a/\n\nhost:h\n\nhost\np");
});

describe("X-Sdk-Date", () => {
  test("YYYYMMDDTHHMMSSZ in UTC", () => {
    expect(parseSdkDate("20240506T070809Z")).toBe(Date.UTC(2024, 4, 6, 7, 8, 9));
    expect(parseSdkDate("20240229T235959Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  test.each(["20240506T070809", "2024-05-06T07:08:09Z", "20240506T070809.5Z", "20230229T000000Z", "20241301T000000Z", "20240506T240000Z", " 20240506T070809Z"])(
    "%j is refused",
    (value) => {
      expect(parseSdkDate(value)).toBeUndefined();
    },
  );
});

describe("Authorization", () => {
  const sig = "a".repeat(64);
  test("the documented form, with or without a space after each comma", () => {
    const parts = { accessKey: "AK", signedHeaders: ["host", "x-sdk-date"], signature: sig };
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${sig}`)).toEqual({ ok: true, parts });
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=AK,SignedHeaders=host;x-sdk-date,Signature=${sig}`)).toEqual({ ok: true, parts });
  });

  test("anything else says what is wrong", () => {
    expect(parseAuthorization(undefined)).toEqual({ ok: false, reason: "no Authorization header" });
    expect(parseAuthorization("Bearer x")).toEqual({ ok: false, reason: "malformed Authorization header" });
    expect(parseAuthorization(`AWS4-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=${sig}`)).toEqual({ ok: false, reason: "unsupported algorithm AWS4-HMAC-SHA256" });
  });
});
