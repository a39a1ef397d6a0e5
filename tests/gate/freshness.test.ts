/**
 * Issue 14, class 6: a begin time later than now plus the clock-skew allowance never satisfies
 * `notBefore` or `maxAgeSeconds`; a slightly early one (within the allowance) is fresh as before; no begin
 * time is stale whenever freshness is asked. Pure: a fixed `now`.
 */
import { CLOCK_SKEW_ALLOWANCE_MS, checkFreshness } from "../../provider/gate/freshness";
import { decide } from "../../provider/gate/decide";
import { normalizeGate } from "../../provider/gate/options";
import { execution } from "./helpers";

const NOW = Date.parse("2024-05-06T12:00:00.000Z");
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const MINUTE = 60_000;

const GATES = {
  notBefore: normalizeGate({ requireStatus: "success", notBefore: at(-60 * MINUTE) }),
  maxAgeSeconds: normalizeGate({ requireStatus: "success", maxAgeSeconds: 3600 }),
  both: normalizeGate({ requireStatus: "success", notBefore: at(-60 * MINUTE), maxAgeSeconds: 3600 }),
};

test("the allowance is the gateway's 15 minutes", () => {
  expect(CLOCK_SKEW_ALLOWANCE_MS).toBe(15 * MINUTE);
});

describe.each(Object.entries(GATES))("with %s", (_, policy) => {
  test.each([
    ["15 min 1 s ahead", CLOCK_SKEW_ALLOWANCE_MS + 1000],
    ["20 min ahead", 20 * MINUTE],
    ["a year ahead", 365 * 24 * 60 * MINUTE],
  ])("a run that began %s is stale, and the message says why", (_when, ahead) => {
    const v = decide(execution("success", [], at(ahead)), policy, NOW, undefined);
    expect(v).toMatchObject({ pass: false, code: "FGS_GATE_STALE" });
    expect((v as { message: string }).message).toMatch(/in the future by this machine's clock, beyond the 15-minute clock-skew allowance/);
  });

  test.each([
    ["exactly at the allowance", CLOCK_SKEW_ALLOWANCE_MS],
    ["5 min ahead", 5 * MINUTE],
    ["just now", 0],
    ["10 min ago", -10 * MINUTE],
  ])("a run that began %s passes", (_when, offset) => {
    expect(decide(execution("success", [], at(offset)), policy, NOW, undefined)).toEqual({ pass: true });
  });

  test("a run without a begin time is stale", () => {
    const e = { ...execution("success"), beginTime: undefined };
    expect(checkFreshness(e, policy, NOW)).toMatchObject({ pass: false, code: "FGS_GATE_STALE", message: expect.stringMatching(/has no begin time/) });
  });
});

test("without a freshness option, a future begin time is not judged (nothing was asked)", () => {
  expect(decide(execution("success", [], at(24 * 60 * MINUTE)), normalizeGate({ requireStatus: "success" }), NOW, undefined)).toEqual({ pass: true });
});
