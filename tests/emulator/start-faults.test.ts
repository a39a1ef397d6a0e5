/**
 * Start requests under faults and in regions that refuse them: what a client sees, and whether a run was
 * created (4xx refusals create none; every other fault hits a start the service already accepted).
 */
import { ROUTES, SCENARIO_IDS, START_REFUSED, defaultScenario, startEmulator, type RunningEmulator } from "../../emulator";
import { startRun, terminateRun } from "./helpers";

const { workflow, expressWorkflow, executions, runTemplates } = SCENARIO_IDS;

describe("start faults from the templates", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  test("throttled-once: 429 APIGW.0308 with Retry-After and no run, then the retry starts one", async () => {
    const first = await startRun(emu, workflow, { input: { scenario: runTemplates.throttledOnce } });
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("1");
    expect(first.json().error_code).toBe("APIGW.0308");
    expect(emu.runs).toEqual([]);
    const second = await startRun(emu, workflow, { input: { scenario: runTemplates.throttledOnce } });
    expect(second.status).toBe(200);
    expect(emu.runs.map((r) => r.executionId)).toEqual([second.json().execution_id]);
    expect(emu.countRequests({ route: ROUTES.startExecution })).toBe(2);
  });

  test("reset-after-start: the connection is reset, yet the run exists and the log names it", async () => {
    const res = await startRun(emu, workflow, { input: { scenario: runTemplates.resetAfterStart } });
    expect(res.status).toBeUndefined();
    expect(res.error?.code).toBe("ECONNRESET");
    expect(emu.runs).toHaveLength(1);
    expect(emu.requests[0]).toMatchObject({ route: ROUTES.startExecution, status: 0, executionId: emu.runs[0]!.executionId });
  });

  test("error-after-start: 502 APIGW.0201, yet the run exists", async () => {
    const res = await startRun(emu, workflow, { input: { scenario: runTemplates.errorAfterStart } });
    expect(res.status).toBe(502);
    expect(res.json().error_code).toBe("APIGW.0201");
    expect(emu.runs).toHaveLength(1);
  });

  test("the same faults apply to synchronous starts", async () => {
    const res = await startRun(emu, expressWorkflow, { input: { scenario: runTemplates.throttledOnce } }, { sync: true });
    expect(res.status).toBe(429);
    expect((await startRun(emu, expressWorkflow, { input: { scenario: runTemplates.throttledOnce } }, { sync: true })).json().status).toBe("success");
  });
});

describe("regions outside the Chinese mainland refuse both start APIs", () => {
  const refused = { error_code: START_REFUSED.errorCode, error_msg: START_REFUSED.errorMsg };

  test("by default, from the scenario's region; terminate and reads still work", async () => {
    const emu = await startEmulator({ scenario: { ...defaultScenario(), region: "ap-southeast-1" } });
    try {
      for (const [wf, sync] of [[workflow, false], [expressWorkflow, true]] as const) {
        const res = await startRun(emu, wf, { input: {} }, { sync });
        expect(res.status).toBe(START_REFUSED.status);
        expect(res.json()).toEqual({ ...refused, request_id: res.headers["x-request-id"] });
      }
      expect(emu.runs).toEqual([]);
      expect((await terminateRun(emu, workflow, executions.running)).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  test("the startApis option forces either answer", async () => {
    const off = await startEmulator({ startApis: "refused" });
    const on = await startEmulator({ scenario: { ...defaultScenario(), region: "eu-west-101" }, startApis: "available" });
    try {
      expect((await startRun(off, workflow, { input: {} })).status).toBe(403);
      expect((await startRun(on, workflow, { input: {} })).status).toBe(200);
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });

  test("a bad startApis value is refused at start", async () => {
    await expect(startEmulator({ startApis: "sometimes" as "auto" })).rejects.toThrow('startApis must be "auto", "available" or "refused"');
  });
});
