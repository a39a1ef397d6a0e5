/** The polling schedule: exponential from min to max, jitter inside that band. */
import { pollDelayMs } from "../../provider/gate/schedule";

const policy = { timeoutMs: 600_000, minIntervalMs: 2000, maxIntervalMs: 30_000, maxConsecutiveErrors: 3 };

test("the first interval is the minimum, then the ceiling doubles up to the maximum", () => {
  const top = (k: number) => pollDelayMs(k, policy, () => 1);
  expect([0, 1, 2, 3, 4, 5, 9].map(top)).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
});

test("jitter never goes below the minimum interval", () => {
  for (let k = 0; k < 10; k++) expect(pollDelayMs(k, policy, () => 0)).toBe(2000);
});
