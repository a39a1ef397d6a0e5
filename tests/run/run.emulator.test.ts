/**
 * Starting a run and gating on it, against the emulator: the emulator counts every start it received,
 * so "never two runs by accident" is checked by counting.
 */
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { runWorkflow, startWorkflowExecution } from "../../provider/run";
import { isFunctionGraphApiError, isTransportError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const WORKFLOW = SCENARIO_IDS.workflow;
const EXPRESS = "c4a7e9d1-3b5f-4e2a-8c6d-0f1e2d3c4b5a";
const fastWait = { timeoutSeconds: 20, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.1 };

function connection() {
  return {
    endpoint: emu.url,
    projectId: emu.projectId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    requestTimeoutSeconds: 5,
  };
}

const starts = (workflowId = WORKFLOW) => emu.countRequests({ route: "startExecution", workflowId });
const terminates = () => emu.countRequests({ route: "terminateExecution" });

async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: Error & Record<string, unknown>) => e,
  );
}

test("a start returns the new run's ID and sends exactly one request", async () => {
  const run = await startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: { scenario: "success" } });
  expect(run.workflowId).toBe(WORKFLOW);
  expect(run.executionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(starts()).toBe(1);
});

test("a workflow named exactly is resolved to its ID before the start", async () => {
  const run = await startWorkflowExecution({ ...connection(), workflowName: "release-checks", input: {} });
  expect(run.workflowId).toBe(WORKFLOW);
});

test("start, then success: the typed execution of the run that was started", async () => {
  const seen: string[] = [];
  const e = await runWorkflow({ ...connection(), workflowId: WORKFLOW, input: {}, waitForCompletion: fastWait, requireStatus: "success", onStarted: (r) => seen.push(r.executionId) });
  expect([e.status, e.succeeded, e.executionId]).toEqual(["success", true, seen[0]]);
  expect(starts()).toBe(1);
});

test("start, then a failed node: the gate fails and names the node", async () => {
  const e = await rejection(runWorkflow({ ...connection(), workflowId: WORKFLOW, input: { scenario: "fail-at-integration" }, waitForCompletion: fastWait, requireStatus: "success" }));
  expect(isWorkflowGateError(e) && e.code === "FGS_GATE_REJECTED").toBe(true);
  expect(e.message).toContain("integration-tests");
  expect(terminates()).toBe(0);
});

test("sync: success and failure are decided on the answer, with the failed node named", async () => {
  const ok = await runWorkflow({ ...connection(), workflowId: EXPRESS, input: {}, sync: true, requireStatus: "success" });
  expect([ok.status, ok.succeeded]).toEqual(["success", true]);
  const e = await rejection(runWorkflow({ ...connection(), workflowId: EXPRESS, input: { scenario: "fail-at-integration" }, sync: true, requireStatus: "success" }));
  expect(isWorkflowGateError(e) && e.code === "FGS_GATE_REJECTED").toBe(true);
  expect(e.message).toContain("node-integration-tests");
  expect(emu.countRequests({ route: "startSyncExecution" })).toBe(2);
});

test("a wait that times out terminates the run it started, exactly once, and says so", async () => {
  const e = await rejection(runWorkflow({ ...connection(), workflowId: WORKFLOW, input: { scenario: "run-forever" }, waitForCompletion: { ...fastWait, timeoutSeconds: 0.5 }, requireStatus: "success" }));
  expect(isWorkflowGateError(e) && e.code === "FGS_GATE_TIMEOUT").toBe(true);
  expect(e.message).toMatch(/was stopped \(terminated\)/);
  expect(terminates()).toBe(1);
});

test("a cancelled signal terminates the run it started", async () => {
  const controller = new AbortController();
  const pending = rejection(
    runWorkflow({ ...connection(), workflowId: WORKFLOW, input: { scenario: "run-forever" }, waitForCompletion: fastWait, signal: controller.signal, onStarted: () => setTimeout(() => controller.abort(), 200) }),
  );
  const e = await pending;
  expect(e.message).toMatch(/was stopped \(terminated\)/);
  expect(terminates()).toBe(1);
});

test("warn mode returns the run the wait gave up on, stops it all the same, and warns that it did", async () => {
  const warnings: string[] = [];
  const logger = { info: () => {}, warn: (m: string) => warnings.push(m) };
  const execution = await runWorkflow(
    { ...connection(), workflowId: WORKFLOW, input: { scenario: "run-forever" }, waitForCompletion: { ...fastWait, timeoutSeconds: 0.3 }, requireStatus: "success", mode: "warn" },
    { logger },
  );
  expect(execution.terminal).toBe(false);
  expect(terminates()).toBe(1);
  expect(warnings.some((w) => /gave up before it ended\. The run .* was stopped \(terminated\)/.test(w))).toBe(true);
});

test("stopOnGiveUp: false leaves the run running", async () => {
  await rejection(runWorkflow({ ...connection(), workflowId: WORKFLOW, input: { scenario: "run-forever" }, waitForCompletion: { ...fastWait, timeoutSeconds: 0.3 }, requireStatus: "success", stopOnGiveUp: false }));
  expect(terminates()).toBe(0);
});

test("a reset after the start was sent is not resent, and the error says a run may have started", async () => {
  const e = await rejection(startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: { scenario: "reset-after-start" } }));
  expect(isTransportError(e) && e.kind === "network").toBe(true);
  expect(e.message).toMatch(/A run may have started: list the runs of workflow .* that began since/);
  expect(starts()).toBe(1);
});

test("a 502 after the start was accepted is not resent either", async () => {
  const e = await rejection(startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: { scenario: "error-after-start" } }));
  expect(isFunctionGraphApiError(e) && e.httpStatus === 502).toBe(true);
  expect(e.message).toMatch(/A run may have started/);
  expect(starts()).toBe(1);
});

test("a throttled start is retried, and one run starts", async () => {
  const run = await startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: { scenario: "throttled-once" } });
  expect(run.executionId).toBeTruthy();
  expect(starts()).toBe(2);
  expect(emu.runs.filter((r) => r.workflowId === WORKFLOW)).toHaveLength(1);
});

test("a region without the start APIs: the service's own code and message reach the user", async () => {
  const refusing = await startEmulator({ port: 0, startApis: "refused" });
  try {
    const e = await rejection(
      startWorkflowExecution({ endpoint: refusing.url, projectId: refusing.projectId, credentials: refusing.credentials, workflowId: WORKFLOW, input: {} }),
    );
    expect(isFunctionGraphApiError(e) && e.errorCode === "APIGW.0801").toBe(true);
    expect(e.message).toContain("not available in this region");
    expect(refusing.countRequests({ route: "startExecution" })).toBe(1);
  } finally {
    await refusing.close();
  }
});

test("bad input is refused before anything is sent, without quoting it", async () => {
  const secret = "s3cr3t-value-0001";
  for (const input of [undefined, null, [1], "text", 42]) {
    const e = await rejection(startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: input as never }));
    expect(e).toMatchObject({ code: "FGS_CONFIGURATION", setting: "input" });
  }
  const big = await rejection(startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, input: { blob: secret + "x".repeat(1024 * 1024) } }));
  expect(big.message).toMatch(/at most 1048576/);
  expect(big.message).not.toContain(secret);
  const both = await rejection(startWorkflowExecution({ ...connection(), workflowId: WORKFLOW, workflowName: "release-checks", input: {} }));
  expect(both).toMatchObject({ setting: "workflowName" });
  expect(starts()).toBe(0);
});
