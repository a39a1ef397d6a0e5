/**
 * The one rule for durations in seconds (config/duration.ts) and the request options that use it: under
 * 2^31 ms once converted, finite, at least the minimum; otherwise a ConfigurationError naming the setting.
 */
import fc from "fast-check";
import { durationMs, MAX_DURATION_SECONDS, MAX_TIMER_MS } from "../../provider/config/duration";
import { requestPolicy } from "../../provider/config/policy";
import { isConfigurationError } from "../../provider/errors";

function refusal(fn: () => unknown): { setting?: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(isConfigurationError(e)).toBe(true);
    return e as { setting?: string; message: string };
  }
  throw new Error("expected a ConfigurationError");
}

describe("durationMs", () => {
  test("the bound is the largest whole second under 2^31 ms", () => {
    expect(MAX_TIMER_MS).toBe(2147483647);
    expect(MAX_DURATION_SECONDS).toBe(2147483);
    expect(durationMs(MAX_DURATION_SECONDS, "x", 0)).toBeLessThan(2 ** 31);
  });

  test.each([
    [0, 0],
    [0.001, 1],
    [1.5, 1500],
    [2147483, 2147483000],
  ])("%p s is %p ms", (seconds, ms) => {
    expect(durationMs(seconds, "x", 0)).toBe(ms);
  });

  test.each([2 ** 31 / 1000, 2147483.5, 1e7, Number.MAX_VALUE, Infinity, -Infinity, NaN, -1, -0.001, "5", null, undefined, {}, 10n])(
    "%p is refused, naming the setting and the bound",
    (value) => {
      const e = refusal(() => durationMs(value, "waitForCompletion.timeoutSeconds", 0));
      expect(e.setting).toBe("waitForCompletion.timeoutSeconds");
      expect(e.message).toMatch(/^waitForCompletion\.timeoutSeconds must be a finite number of seconds from 0 to 2147483/);
    },
  );

  test("below the minimum is refused", () => {
    expect(refusal(() => durationMs(0.005, "minIntervalSeconds", 0.01)).message).toMatch(/from 0\.01 to 2147483/);
  });

  test("property: accepted exactly when finite and within bounds, and then a safe timer delay", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: 0, max: 3e6 }), fc.constantFrom(2147483, 2147483.0001, 0, -0)), (value) => {
        const ok = Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_SECONDS;
        if (!ok) {
          expect(refusal(() => durationMs(value, "s", 0)).setting).toBe("s");
          return;
        }
        const ms = durationMs(value, "s", 0);
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(MAX_TIMER_MS);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("request options", () => {
  test.each(["requestTimeoutSeconds", "deadlineSeconds"] as const)("%s over 2^31 ms, not finite, 0 or negative is refused by name", (setting) => {
    for (const value of [2 ** 31 / 1000, Infinity, NaN, 0, -1, 0.0004]) {
      expect(refusal(() => requestPolicy({ [setting]: value })).setting).toBe(setting);
    }
  });

  test("in range, they become whole milliseconds of at least 1", () => {
    const p = requestPolicy({ requestTimeoutSeconds: 0.001, deadlineSeconds: 2147483 });
    expect([p.attemptTimeoutMs, p.deadlineMs]).toEqual([1, 2147483000]);
  });
});
