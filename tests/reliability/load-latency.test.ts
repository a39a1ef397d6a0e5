/**
 * Load, realistic: the same 1,000 concurrent reads, with every answer taking 50 ms as a gateway's would.
 * Here the documented concurrency limit is what keeps the burst from tripping the gateway's throttling
 * (200 requests/s, burst 50): DEFAULT_MAX_CONCURRENCY requests per 50 ms stays under the rate, so not a
 * single request may be answered 429, and every call ends with the right status within its deadline.
 */
import { DEFAULT_MAX_CONCURRENCY } from "../../provider/api/limiter";
import { RUNS } from "./support/counts";
import { runLoad, wrongOutcomes, type LoadReport } from "./support/load";

const LATENCY_MS = 50;
const THROTTLE = { ratePerSecond: 200, burst: 50 };
const DEADLINE_SECONDS = 15;
let report: LoadReport;
beforeAll(async () => {
  report = await runLoad({ latencyMs: LATENCY_MS, throttle: THROTTLE, deadlineSeconds: DEADLINE_SECONDS });
}, 60_000);

test("the limit is below the gateway's rate at this latency (the premise of this test)", () => {
  expect((DEFAULT_MAX_CONCURRENCY * 1000) / LATENCY_MS).toBeLessThanOrEqual(THROTTLE.ratePerSecond);
});

test("the burst never trips the gateway's throttling", () => {
  expect(report.throttled).toBe(0);
  expect(report.requests).toBe(RUNS.concurrentCalls);
});

test("every call ends with the right status for its execution, within its deadline", () => {
  expect(report.calls).toHaveLength(RUNS.concurrentCalls);
  const wrong = wrongOutcomes(report.calls);
  expect({ failed: wrong.length, first: wrong.slice(0, 3) }).toEqual({ failed: 0, first: [] });
  expect(Math.max(...report.calls.map((c) => c.ms))).toBeLessThan(DEADLINE_SECONDS * 1000 + 1000);
});

test(`never more than DEFAULT_MAX_CONCURRENCY (${DEFAULT_MAX_CONCURRENCY}) in flight, and the cap was reached`, () => {
  expect(report.maxInFlight).toBe(DEFAULT_MAX_CONCURRENCY);
  expect(report.inFlightAfter).toBe(0);
});

test("no unhandled rejection, bounded memory", () => {
  expect(report.unhandled).toEqual([]);
  expect(report.heapGrowthMb).toBeLessThan(64); // after a forced GC: what 1,000 calls retain (their results included)
});
