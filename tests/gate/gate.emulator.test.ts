/**
 * The gate end to end against the emulator: waiting, fail-fast, fail-closed timeouts, transient errors
 * during the wait, auth errors, freshness, the three modes, cancellation, and an upper bound on the
 * requests a wait makes (the schedule itself is tested on a virtual clock in pollLoop.test.ts).
 */
import { startEmulator, type EmulatorStatus, type RunningEmulator, type Scenario, type ScenarioNode } from "../../emulator";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { isFunctionGraphApiError, isTransportError } from "../../provider/errors";
import type { GetWorkflowExecutionArgs, ProgressEvent } from "../../provider/args";
import type { GateLogger } from "../../provider/context";

const WF = "wf-release";
const node = (id: string, status: EmulatorStatus, extra: Record<string, unknown> = {}): ScenarioNode => ({
  id,
  name: id,
  executions: [{ status, beginTime: "-3m", ...(status === "running" ? {} : { endTime: "-2m" }), ...extra }],
});
const failedNode = node("integration-tests", "fail", {
  errorMessage: { error_code: "FSS.1051", error_msg: "integration tests failed: 3 of 120" },
  requestId: "rq-b",
});

const scenario: Scenario = {
  projectId: "0123456789abcdef0123456789abcdef",
  region: "cn-north-4",
  workflows: [
    {
      id: WF,
      name: "release-checks",
      executions: [
        {
          id: "to-success",
          status: "running",
          beginTime: "-1m",
          nodes: [node("build", "success"), node("integration-tests", "running")],
          progress: [{ afterPolls: 3, status: "success", endTime: "now", nodes: [node("integration-tests", "success")] }],
        },
        {
          id: "to-fail",
          status: "running",
          beginTime: "-1m",
          nodes: [node("build", "success"), node("integration-tests", "running")],
          progress: [{ afterPolls: 2, status: "fail", endTime: "now", nodes: [failedNode] }],
        },
        { id: "timed-out", status: "timeout", beginTime: "-2h", endTime: "-1h", nodes: [node("integration-tests", "timeout")] },
        { id: "cancelled", status: "cancel", beginTime: "-2h", endTime: "-1h", nodes: [node("build", "cancel")] },
        { id: "forever", status: "running", beginTime: "-1m", nodes: [node("build", "running")] },
        { id: "old-success", status: "success", beginTime: "-2d", endTime: "-2d", nodes: [node("build", "success")] },
        {
          id: "flaky",
          status: "running",
          beginTime: "-1m",
          nodes: [node("build", "running")],
          faults: [
            { attempts: [2, 3], kind: "status", status: 503, errorCode: "FSS.0503" },
            { attempts: [4], kind: "status", status: 429, errorCode: "APIGW.0308", retryAfter: "0" },
          ],
          progress: [{ afterPolls: 2, status: "success", endTime: "now", nodes: [node("build", "success")] }],
        },
        {
          id: "always-503",
          status: "running",
          beginTime: "-1m",
          faults: [{ attempts: "every", kind: "status", status: 503, errorCode: "FSS.0503" }],
        },
        {
          id: "auth-fails-later",
          status: "running",
          beginTime: "-1m",
          faults: [{ attempts: [2], kind: "status", status: 403, errorCode: "APIGW.0302", errorMsg: "not authorized" }],
        },
      ],
    },
  ],
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, scenario });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const fast = { minIntervalSeconds: 0.02, maxIntervalSeconds: 0.05, timeoutSeconds: 10 };

function gate(executionId: string, extra: Partial<GetWorkflowExecutionArgs> = {}, logger?: GateLogger) {
  return getWorkflowExecution(
    {
      endpoint: emulator.url,
      projectId: emulator.projectId,
      credentials: { accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey },
      workflowId: WF,
      executionId,
      ...extra,
    },
    { env: {}, logger, policy: { backoff: { baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 } } },
  );
}

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected the gate to throw");
}

const reads = (executionId: string) => emulator.countRequests({ executionId });

test("running then success: passes after the run finishes, one read per poll", async () => {
  const events: ProgressEvent[] = [];
  const e = await gate("to-success", { requireStatus: "success", waitForCompletion: fast, onProgress: (p) => events.push(p) });
  expect(e.status).toBe("success");
  expect(e.succeeded).toBe(true);
  expect(reads("to-success")).toBe(4);
  expect(events.map((p) => [p.status, p.nodesFinished, p.nodesTotal, p.polls])).toEqual([
    ["running", 1, 2, 1],
    ["success", 2, 2, 4],
  ]);
});

test("running then fail: rejected as soon as the fail is seen, naming the node", async () => {
  const err = await rejection(gate("to-fail", { requireStatus: "success", waitForCompletion: fast }));
  expect(isWorkflowGateError(err)).toBe(true);
  expect(err.code).toBe("FGS_GATE_REJECTED");
  expect(err.message).toBe(
    "Workflow release-checks execution to-fail ended fail: node integration-tests failed: FSS.1051: integration tests failed: 3 of 120 (request id rq-b) (required: success)",
  );
  expect(reads("to-fail")).toBe(3);
});

test.each([
  ["timed-out", "timeout", "node integration-tests ended timeout"],
  ["cancelled", "cancel", "node build ended cancel"],
])("%s ends the wait at once and is rejected", async (id, status, text) => {
  const err = await rejection(gate(id, { requireStatus: "success", waitForCompletion: fast }));
  expect(err.code).toBe("FGS_GATE_REJECTED");
  expect(err.message).toContain(`ended ${status}: ${text}`);
  expect((err as unknown as { execution: { status: string } }).execution.status).toBe(status);
  expect(reads(id)).toBe(1);
});

test("still running when the wait times out fails closed with its own code", async () => {
  const err = await rejection(
    gate("forever", { requireStatus: "success", waitForCompletion: { minIntervalSeconds: 0.05, maxIntervalSeconds: 0.1, timeoutSeconds: 0.4 } }),
  );
  expect(err.code).toBe("FGS_GATE_TIMEOUT");
  expect(err.message).toMatch(/^Workflow release-checks execution forever is still running after waiting \d+\.\d s \(0 of 1 nodes finished\)/);
});

test("still running and no wait requested does not pass either", async () => {
  const err = await rejection(gate("forever", { requireStatus: "success" }));
  expect(err.code).toBe("FGS_GATE_TIMEOUT");
  expect(err.message).toContain("no wait was requested");
  expect(reads("forever")).toBe(1);
});

test("transient 503s and a 429 during the wait are absorbed by the error budget", async () => {
  const e = await gate("flaky", {
    requireStatus: "success",
    maxRetries: 0,
    waitForCompletion: { ...fast, maxConsecutiveErrors: 3 },
  });
  expect(e.status).toBe("success");
  // attempts: 1 ok (running), 2-3 503, 4 429, 5 ok (running, poll 2), 6 ok (success)
  expect(reads("flaky")).toBe(6);
});

test("a run of transient errors longer than the budget ends the wait with the last error", async () => {
  const err = await rejection(
    gate("always-503", { requireStatus: "success", maxRetries: 0, waitForCompletion: { ...fast, maxConsecutiveErrors: 2 } }),
  );
  expect(isFunctionGraphApiError(err)).toBe(true);
  expect((err as unknown as { httpStatus: number }).httpStatus).toBe(503);
  expect(reads("always-503")).toBe(3);
});

test("an auth error during the wait ends it at once", async () => {
  const err = await rejection(gate("auth-fails-later", { requireStatus: "success", waitForCompletion: fast }));
  expect(isFunctionGraphApiError(err)).toBe(true);
  expect((err as unknown as { httpStatus: number }).httpStatus).toBe(403);
  expect(reads("auth-fails-later")).toBe(2);
});

describe("freshness", () => {
  test("an old successful run cannot open a gate with notBefore", async () => {
    const err = await rejection(gate("old-success", { requireStatus: "success", notBefore: new Date(Date.now() - 3600_000) }));
    expect(err.code).toBe("FGS_GATE_STALE");
    expect(err.message).toContain("before the required earliest start");
  });
  test("or with maxAgeSeconds", async () => {
    const err = await rejection(gate("old-success", { requireStatus: "success", maxAgeSeconds: 86_400 }));
    expect(err.code).toBe("FGS_GATE_STALE");
  });
  test("a stale run stops the wait at the first read", async () => {
    const err = await rejection(gate("forever", { requireStatus: "success", waitForCompletion: fast, notBefore: new Date(Date.now() + 60_000) }));
    expect(err.code).toBe("FGS_GATE_STALE");
    expect(reads("forever")).toBe(1);
  });
});

describe("modes", () => {
  const logs = () => {
    const lines: string[] = [];
    return { lines, logger: { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`) } };
  };
  test("enforce throws", async () => {
    expect((await rejection(gate("cancelled", { requireStatus: "success", mode: "enforce" }))).code).toBe("FGS_GATE_REJECTED");
  });
  test("warn logs the verdict and returns the execution", async () => {
    const { lines, logger } = logs();
    const e = await gate("cancelled", { requireStatus: "success", mode: "warn" }, logger);
    expect(e.status).toBe("cancel");
    expect(e.succeeded).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/^warn FGS_GATE_REJECTED: Workflow release-checks execution cancelled ended cancel/)]);
  });
  test("report only returns", async () => {
    const { lines, logger } = logs();
    const e = await gate("cancelled", { requireStatus: "success", mode: "report" }, logger);
    expect(e.status).toBe("cancel");
    expect(lines).toEqual([]);
  });
  test("progress lines go to the logger on every status change while waiting", async () => {
    const { lines, logger } = logs();
    await gate("to-success", { requireStatus: "success", waitForCompletion: fast }, logger);
    expect(lines).toEqual([
      expect.stringMatching(/^info Workflow release-checks execution to-success: running after \d+ s \(1 of 2 nodes finished\)$/),
      expect.stringMatching(/^info Workflow release-checks execution to-success: success after \d+ s \(2 of 2 nodes finished\)$/),
    ]);
  });
});

test("cancellation through an AbortSignal stops the wait promptly", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 150);
  const started = Date.now();
  const err = await rejection(
    gate("forever", { requireStatus: "success", signal: controller.signal, waitForCompletion: { minIntervalSeconds: 1, maxIntervalSeconds: 1, timeoutSeconds: 60 } }),
  );
  expect(isTransportError(err)).toBe(true);
  expect((err as unknown as { kind: string }).kind).toBe("aborted");
  expect(Date.now() - started).toBeLessThan(5000);
  expect(reads("forever")).toBe(1);
});

test("a wait never reads more often than its schedule allows", async () => {
  // random = 1: every interval is the ceiling, 50, 100, 200, 400, 400... ms, within a 1.2 s wait. The
  // exact times are checked on a virtual clock in pollLoop.test.ts; here only the upper bound, which a
  // slow machine cannot break.
  const err = await rejection(
    getWorkflowExecution(
      {
        endpoint: emulator.url,
        projectId: emulator.projectId,
        credentials: { accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey },
        workflowId: WF,
        executionId: "forever",
        requireStatus: "success",
        waitForCompletion: { minIntervalSeconds: 0.05, maxIntervalSeconds: 0.4, timeoutSeconds: 1.2 },
      },
      { env: {}, random: () => 1 },
    ),
  );
  expect(err.code).toBe("FGS_GATE_TIMEOUT");
  expect(reads("forever")).toBeGreaterThanOrEqual(1);
  expect(reads("forever")).toBeLessThanOrEqual(7);
});
