/**
 * Waiting for a slot under the per-host concurrency cap is local queueing, not part of an HTTP attempt:
 * it must not count against the per-attempt timeout (`requestTimeoutSeconds`: "timeout of one HTTP
 * attempt, headers and body included"), and must never abort a request the server is already answering.
 * Three waves of DEFAULT_MAX_CONCURRENCY reads of an API that answers in 600 ms, each attempt allowed
 * 1 s: every read fits its own timeout, so every read must succeed with exactly one request, while a
 * timeout that counted the queueing (up to 1.8 s for the third wave) would cut the later waves off.
 * (At 300 ms and 0.5 s, a busy 2-core host delaying a response by 200 ms failed reads with the old code
 * and the new alike; the ratio is the same, the slack for scheduling noise twice as large.)
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { DEFAULT_MAX_CONCURRENCY } from "../../provider/api/limiter";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { CANARY } from "./support/canary";
import { isolatedContext } from "./support/faultWorld";

const LATENCY_MS = 600;
const CALLS = DEFAULT_MAX_CONCURRENCY * 3;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    credentials: [CANARY],
    scenario: {
      projectId: "p-queue",
      region: "cn-north-4",
      workflows: [
        {
          id: "w-queue",
          name: "queue",
          executions: [{ id: "e-queue", status: "success", beginTime: "-2m", endTime: "-1m", faults: [{ kind: "delay", attempts: "every", delayHeadersMs: LATENCY_MS }] }],
        },
      ],
    },
  });
});
afterAll(() => emulator?.close());

test(`${CALLS} concurrent reads of a ${LATENCY_MS} ms API, 1 s per attempt: all succeed, one request each`, async () => {
  const debug: string[] = [];
  const outcomes = await Promise.allSettled(
    Array.from({ length: CALLS }, () =>
      getWorkflowExecution(
        { endpoint: emulator.url, projectId: "p-queue", workflowId: "w-queue", executionId: "e-queue", credentials: { ...CANARY }, requestTimeoutSeconds: 1, maxRetries: 0 },
        isolatedContext(debug),
      ),
    ),
  );
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => String((o.reason as Error).message));
  expect({ failed: failed.length, first: failed.slice(0, 2) }).toEqual({ failed: 0, first: [] });
  // No request was started and then abandoned: the server saw exactly one per read.
  expect(emulator.countRequests({ executionId: "e-queue" })).toBe(CALLS);
});
