/**
 * Execution-level time strings: which are accepted (schema + `fgs-utc-time` format), how they map, and
 * that the epoch-ms formatter is indistinguishable from `Date#toISOString`.
 */
import fc from "fast-check";
import commonSchema from "../../schema/common.schema.json";
import { toWorkflowExecution } from "../../provider/model/map";
import { isUtcTimeString, millisToIso, parseApiTime, SCHEMA_FORMATS, UTC_TIME_PATTERN, utcTimeToMillis } from "../../provider/model/time";
import { validateBody } from "../../provider/model/validate";
import { exampleLoose } from "./helpers";

const TIME_TEXT = commonSchema.definitions.utcTime.title;

function withBegin(value: unknown) {
  const b = exampleLoose();
  b.begin_time = value;
  return b;
}

describe("execution time strings", () => {
  it("keeps the TypeScript pattern identical to the schema's", () => {
    expect(commonSchema.definitions.utcTime.pattern).toBe(UTC_TIME_PATTERN);
  });

  it.each([
    ["2021-01-01T00:00:00Z", "2021-01-01T00:00:00.000Z"],
    ["2021-01-01T00:00:00.5Z", "2021-01-01T00:00:00.500Z"],
    ["2021-01-01T00:00:00.123456789Z", "2021-01-01T00:00:00.123Z"],
    ["2021-01-01T08:00:00+08:00", "2021-01-01T00:00:00.000Z"],
    ["2020-12-31T19:30:00-04:30", "2021-01-01T00:00:00.000Z"],
    ["2024-02-29T23:59:59Z", "2024-02-29T23:59:59.000Z"],
  ])("accepts %s and maps it to %s", (input, iso) => {
    const body = withBegin(input);
    expect(validateBody("execution", body)).toEqual([]);
    expect(toWorkflowExecution(body as never).beginTime).toBe(iso);
  });

  it.each([
    "yesterday",
    "2021-01-01",
    "2021-01-01 00:00:00",
    "2021-01-01T00:00:00",
    "2021-01-01t00:00:00z",
    "2021-01-01T24:00:00Z",
    "2021-01-01T23:59:60Z",
    "2021-13-01T00:00:00Z",
    "2021-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2021-04-31T00:00:00Z",
    "2021-01-01T00:00:00.Z",
    "2021-01-01T00:00:00+0800",
    " 2021-01-01T00:00:00Z",
    "1609459200000",
  ])("rejects %j at its pointer (no silent 'absent')", (input) => {
    expect(validateBody("execution", withBegin(input))).toEqual([{ pointer: "/begin_time", expected: TIME_TEXT }]);
  });

  it("maps an empty string to an absent time and drops the duration", () => {
    const b = exampleLoose();
    b.end_time = "";
    expect(validateBody("execution", b)).toEqual([]);
    const m = toWorkflowExecution(b as never);
    expect("endTime" in m).toBe(false);
    expect("durationMs" in m).toBe(false);
    expect(m.beginTime).toBe("2021-01-01T00:00:00.000Z");
  });

  it("omits a negative execution duration but keeps both times", () => {
    const b = exampleLoose();
    b.begin_time = "2021-01-01T00:00:10Z";
    b.end_time = "2021-01-01T00:00:00Z";
    const m = toWorkflowExecution(b as never);
    expect([m.beginTime, m.endTime, "durationMs" in m]).toEqual(["2021-01-01T00:00:10.000Z", "2021-01-01T00:00:00.000Z", false]);
    b.end_time = "2021-01-01T00:01:10.250Z";
    expect(toWorkflowExecution(b as never).durationMs).toBe(60_250);
  });

  it("throws instead of treating an unparseable non-empty time as absent (unvalidated input)", () => {
    expect(utcTimeToMillis("")).toBeUndefined();
    expect(() => utcTimeToMillis("yesterday")).toThrow(TypeError);
    expect(() => toWorkflowExecution(withBegin("yesterday") as never)).toThrow(/validate the body first/);
  });

  it("agrees with Date.parse on every valid time it accepts", () => {
    const dates = fc.date({ min: new Date(0), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });
    fc.assert(
      fc.property(dates, (d) => {
        const s = d.toISOString().replace(".000Z", "Z");
        return isUtcTimeString(s) && utcTimeToMillis(s) === d.getTime();
      }),
    );
  });
});

describe("millisToIso", () => {
  it("renders the documented example", () => {
    expect(millisToIso(1_605_119_892_050)).toBe("2020-11-11T18:38:12.050Z");
  });

  it("equals toISOString on the edges, including the +yyyyyy and error ranges", () => {
    for (const ms of [0, 1, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, 8.64e15]) {
      expect(millisToIso(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => millisToIso(8.64e15 + 1)).toThrow(RangeError);
  });

  it("equals toISOString on random epoch milliseconds, in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8.64e15 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 253_402_300_799_999 }), (many, one) =>
        [one, ...many].every((ms) => millisToIso(ms) === new Date(ms).toISOString()),
      ),
      { numRuns: 2000 },
    );
  });
});

test("on strings of the pattern's shape, the format's calendar check agrees with isUtcTimeString", () => {
  const isRealTime = SCHEMA_FORMATS["fgs-utc-time"].validate;
  const d2 = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
  const shaped = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), d2(31), d2(23), d2(59), d2(59), fc.constantFrom("", ".5", ".123456789"), fc.constantFrom("Z", "+08:00", "-23:59"))
    .map(([y, m, d, h, mi, s, f, z]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${d}T${h}:${mi}:${s}${f}${z}`)
    .filter((s) => new RegExp(UTC_TIME_PATTERN).test(s));
  fc.assert(fc.property(shaped, (s) => isRealTime(s) === isUtcTimeString(s)), { numRuns: 2000 });
  expect(isRealTime("2021-02-29T00:00:00Z")).toBe(false);
  expect(isRealTime("2024-02-29T00:00:00Z")).toBe(true);
  expect(isRealTime("")).toBe(true);
});

test("millisToIso of a valid API time's milliseconds gives toISOString's text", () => {
  const apiTime = fc
    .tuple(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), fc.constantFrom("", ".5", ".123", ".123456789"), fc.constantFrom("Z", "+08:00", "-05:30"))
    .map(([ms, fraction, zone]) => {
      const iso = new Date(ms).toISOString();
      if (iso.length !== 24) return undefined;
      return `${iso.slice(0, 19)}${fraction}${zone}`;
    })
    .filter((s): s is string => s !== undefined && isUtcTimeString(s));
  fc.assert(
    fc.property(apiTime, (s) => {
      const ms = utcTimeToMillis(s) as number;
      expect(millisToIso(ms)).toBe(new Date(ms).toISOString());
    }),
    { numRuns: 3000 },
  );
  expect(millisToIso(Date.UTC(2021, 0, 1))).toBe("2021-01-01T00:00:00.000Z");
  const given = "2021-01-01T00:00:00.250Z";
  expect(millisToIso(Date.parse(given))).toBe(given);
});

describe("parseApiTime", () => {
  const pattern = new RegExp(UTC_TIME_PATTERN);
  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  /** The slow definition: the schema's pattern, a real calendar day, then Date.parse. */
  function reference(s: string): number | undefined {
    if (s === "" || !pattern.test(s)) return undefined;
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (Number(s.slice(8, 10)) > (m === 2 && leap ? 29 : (DAYS[m - 1] as number))) return undefined;
    return Date.parse(s);
  }
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  // Each field usually in its range, sometimes any two digits (month 13, day 31 in April, hour 24...).
  const field = (min: number, max: number) => fc.oneof({ arbitrary: fc.integer({ min, max }).map((v) => String(v).padStart(2, "0")), weight: 6 }, { arbitrary: digits(2), weight: 1 });
  const timeLike = fc
    .tuple(digits(4), field(1, 12), field(1, 31), field(0, 23), field(0, 59), field(0, 59), fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 11 }).chain((k) => digits(k).map((d) => `.${d}`))), fc.constantFrom("Z", "+08:00", "-23:59", "+24:00", "-05:60", "z", "", "+0800", "Z "))
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
  // One character changed anywhere, to reach the separators.
  const mutated = fc.tuple(timeLike, fc.nat(), fc.constantFrom(..."0123456789-T:.Z+ tx")).map(([s, i, c]) => {
    const at = i % s.length;
    return s.slice(0, at) + c + s.slice(at + 1);
  });

  it("gives Date.parse's value exactly on the strings the schema accepts, and undefined on every other", () => {
    fc.assert(fc.property(fc.oneof(timeLike, mutated), (s) => parseApiTime(s) === reference(s)), { numRuns: 20_000 });
  });

  it.each([
    ["2021-01-01T00:00:00Z", Date.UTC(2021, 0, 1)],
    ["0000-03-01T00:00:00Z", Date.parse("0000-03-01T00:00:00Z")],
    ["9999-12-31T23:59:59.999999999-23:59", Date.parse("9999-12-31T23:59:59.999-23:59")],
    ["2000-02-29T12:00:00.5+01:30", Date.UTC(2000, 1, 29, 10, 30, 0, 500)],
    ["1900-02-29T00:00:00Z", undefined],
    ["2021-01-01T00:00:00.1234567890Z", undefined],
    ["2021-01-01T00:00:00", undefined],
    ["", undefined],
  ])("%j is %j", (s, ms) => {
    expect(parseApiTime(s)).toBe(ms);
  });
});
