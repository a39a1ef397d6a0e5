/**
 * The suite's size, from the same declarations the tests run (each test file checks that it ran exactly
 * its declared count, so what is printed here is what ran).
 */
import { DEFAULT_MAX_CONCURRENCY } from "../../provider/api/limiter";
import { FUZZ_KEYS, PROPERTY_KEYS, RUNS } from "./support/counts";
import { DEEP_CASES } from "./support/deepCases";
import { FAULT_ROWS } from "./support/faultRows";

/** The two load tests (with and without latency) each make the full set of concurrent calls. */
const LOAD_RUNS = 2;
/** queueing.test.ts: three waves of the concurrency cap. */
const QUEUE_CALLS = DEFAULT_MAX_CONCURRENCY * 3;

test("summary of what the reliability suite runs", () => {
  const propertyRuns = PROPERTY_KEYS.reduce((n, k) => n + RUNS[k], 0);
  const fuzzCases = FUZZ_KEYS.reduce((n, k) => n + RUNS[k], 0) + DEEP_CASES.length;
  const summary = {
    faultRows: FAULT_ROWS.length,
    propertyRuns,
    fuzzCases,
    concurrentCalls: RUNS.concurrentCalls * LOAD_RUNS + QUEUE_CALLS,
  };
  console.log(
    [
      `reliability suite: ${summary.faultRows} fault rows, ${summary.propertyRuns} property runs, ${summary.fuzzCases} fuzz cases, ` +
        `${summary.concurrentCalls} concurrent calls (${LOAD_RUNS} runs of ${RUNS.concurrentCalls} over ${RUNS.loadExecutions} executions, ` +
        `${QUEUE_CALLS} in the queueing test)`,
      `  property runs: ${PROPERTY_KEYS.map((k) => `${k} ${RUNS[k]}`).join(", ")}`,
      `  fuzz cases: ${FUZZ_KEYS.map((k) => `${k} ${RUNS[k]}`).join(", ")}, deep values ${DEEP_CASES.length}`,
    ].join("\n"),
  );
  expect(new Set(FAULT_ROWS.map((r) => r.id)).size).toBe(FAULT_ROWS.length);
  expect(summary.faultRows).toBeGreaterThanOrEqual(30);
  expect(summary.concurrentCalls).toBeGreaterThanOrEqual(1000);
});
