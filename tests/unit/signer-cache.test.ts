/** The signer's per-second date text and per-name-set header layout are caches, and its digest may be
 * Node's one-shot one: none of them may ever change a result. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { canonicalHeaders, formatSdkDate, sha256Hex } from "../../provider/api/signer";

test("the X-Sdk-Date text is right across second, day and year boundaries, whatever was formatted before", () => {
  const instants = [
    Date.UTC(2024, 4, 6, 7, 8, 9, 0),
    Date.UTC(2024, 4, 6, 7, 8, 9, 999), // same second: reused text
    Date.UTC(2024, 4, 6, 7, 8, 10, 0), // next second
    Date.UTC(2024, 11, 31, 23, 59, 59, 500),
    Date.UTC(2025, 0, 1, 0, 0, 0, 1),
    Date.UTC(2024, 4, 6, 7, 8, 9, 500), // back to an earlier second
    Date.UTC(12024, 0, 1, 0, 0, 0, 0), // a six-digit year
  ];
  const expected = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  for (const ms of [...instants, ...instants.reverse()]) expect(formatSdkDate(new Date(ms))).toBe(expected(ms));
  expect(formatSdkDate(new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 999)))).toBe("20240506T070809Z");
});

test("an invalid date still throws after a valid one was formatted", () => {
  formatSdkDate(new Date(0));
  expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(RangeError);
});

test("alternating header sets each get their own layout", () => {
  for (let i = 0; i < 3; i++) {
    expect(canonicalHeaders({ b: "1", a: "2" })).toEqual({ block: "a:2\nb:1\n", signed: "a;b" });
    expect(canonicalHeaders({ a: "2", b: "1", C: "3" })).toEqual({ block: "a:2\nb:1\nc:3\n", signed: "a;b;c" });
    expect(canonicalHeaders({ a: "2" })).toEqual({ block: "a:2\n", signed: "a" });
  }
});

test("header sets whose names would run together are laid out separately", () => {
  expect(canonicalHeaders({ ab: "1", c: "2" })).toEqual({ block: "ab:1\nc:2\n", signed: "ab;c" });
  expect(canonicalHeaders({ a: "1", bc: "2" })).toEqual({ block: "a:1\nbc:2\n", signed: "a;bc" });
  expect(canonicalHeaders({ "1:a": "1" })).toEqual({ block: "1:a:1\n", signed: "1:a" });
  expect(canonicalHeaders({ a: "1" })).toEqual({ block: "a:1\n", signed: "a" });
});

test("the canonical request digest is SHA-256 of the UTF-8 text, whichever way Node computes it", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => sha256Hex(text) === createHash("sha256").update(text, "utf8").digest("hex")),
    { numRuns: 500 },
  );
  expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
});
