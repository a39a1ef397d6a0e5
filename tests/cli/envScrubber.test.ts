/**
 * The CLI's environment scrubber: a credential value disappears whole or in part (any run of 16 or more
 * of its characters, what a cut message leaves of it), for every credential variable; other text stays.
 */
import fc from "fast-check";
import { makeEnvScrubber } from "../../provider/cli/envScrubber";

const SK = "sk030087c9f27978d63bc5115ec606388d44a0cfc3b5cd81c1ad1591d374608037";
const TOKEN = `tk${"512f26ada3c3d634ac3c6b12b7b33cb5".repeat(8)}`;

test("whole values of every source are redacted, longest first", () => {
  const scrub = makeEnvScrubber({ HW_SECRET_KEY: SK, HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN, CLOUD_SDK_AK: "AKSHORT" });
  expect(scrub(`a ${SK} b ${TOKEN} c AKSHORT d`)).toBe("a [redacted] b [redacted] c [redacted] d");
});

test("a part of 16 characters or more is redacted; a shorter part or unrelated text is kept", () => {
  const scrub = makeEnvScrubber({ HW_SECRET_KEY: SK, HW_SECURITY_TOKEN: TOKEN });
  expect(scrub(`id ../${TOKEN.slice(0, 40)}${SK.slice(0, 22)}`)).toBe("id ../[redacted]");
  expect(scrub(`x${SK.slice(10, 26)}y`)).toBe("x[redacted]y");
  expect(scrub(`x${SK.slice(10, 25)}y`)).toBe(`x${SK.slice(10, 25)}y`);
  expect(scrub("nothing secret here, not even close")).toBe("nothing secret here, not even close");
});

test("values under 4 characters and empty variables are not secrets", () => {
  const scrub = makeEnvScrubber({ HW_ACCESS_KEY: "abc", HW_SECRET_KEY: "" });
  expect(scrub("abc abc")).toBe("abc abc");
});

test("property: no 16-character run of a secret survives, wherever it is cut and whatever surrounds it", () => {
  const scrub = makeEnvScrubber({ HW_SECRET_KEY: SK, HW_SECURITY_TOKEN: TOKEN });
  fc.assert(
    fc.property(fc.constantFrom(SK, TOKEN), fc.nat(), fc.nat(), fc.string(), fc.string(), (secret, a, b, before, after) => {
      const start = a % secret.length;
      const piece = secret.slice(start, start + 16 + (b % secret.length));
      const out = scrub(`${before}${piece}${after}`);
      for (const s of [SK, TOKEN]) for (let i = 0; i + 16 <= s.length; i++) expect(out.includes(s.slice(i, i + 16))).toBe(false);
    }),
    { numRuns: 300 },
  );
});
