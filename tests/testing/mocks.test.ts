/**
 * `fgs-workflow-gate/testing`: stacks under `mockWorkflowGates` decide on canned runs with the package's
 * own gate, every function and resource works under it, nothing is sent unless a test asks, and a failing
 * gate leaves at most the one unhandled rejection Pulumi itself reports.
 */
import * as pulumi from "@pulumi/pulumi";
import { isConfigurationError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import {
  getLatestWorkflowExecutionOutput,
  getWorkflowExecutionOutput,
  getWorkflowExecutionWithPayloadsOutput,
  LatestWorkflowExecution,
  WorkflowExecution,
  WorkflowRun,
} from "../../provider/pulumi";
import { cannedExecution, mockWorkflowGates } from "../../provider/testing";
import { ReleaseMarker } from "../../examples/gate-deployment/releaseMarker";
import { SCENARIO_IDS, startTestEmulator, type Emulator } from "../pulumi/harness/emulator";
import { isKnown, isSecret, valueOf } from "../pulumi/harness/outputs";
import { collectUnhandledRejections } from "../pulumi/harness/rejections";

const WF = "wf-release";
const ok = cannedExecution({ status: "success", workflowId: WF, executionId: "exec-ok", input: { token: "canned-secret" }, nodes: [{ name: "build" }] });
const failed = cannedExecution({
  status: "fail",
  workflowId: WF,
  executionId: "exec-fail",
  nodes: [{ name: "build" }, { name: "integration-tests", status: "fail", error: { code: "FSS.1051", message: "3 of 120 tests failed" } }],
});
const running = cannedExecution({ status: "running", workflowId: WF, executionId: "exec-running" });
const runs = { executions: { "exec-ok": ok, "exec-fail": failed, "exec-running": running }, latest: { "release-checks": failed, [WF]: ok }, runs: { [WF]: [running, ok] } };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

/** Connection inputs pointing at the emulator: proof that nothing is sent is that it saw no request. */
const conn = () => ({ endpoint: emulator.url, projectId: SCENARIO_IDS.projectId });

test("a gate that passes: the resource's outputs are the canned run's, payloads secret", async () => {
  const gates = await mockWorkflowGates(runs);
  const gate = new WorkflowExecution("gate", { ...conn(), workflowId: WF, executionId: "exec-ok", requireStatus: "success" });
  expect(await valueOf(gate.status)).toBe("success");
  expect(await valueOf(gate.failedNodeNames)).toEqual([]);
  expect(await isSecret(gate.input)).toBe(true);
  expect(await valueOf(gate.input)).toEqual({ token: "canned-secret" });
  expect(gates.requests).toEqual([{ kind: "read", key: "exec-ok" }]);
  expect(emulator.countRequests()).toBe(0);
});

test("a gate that fails: the resource fails with the gate's error, and only one rejection is left unhandled", async () => {
  const gates = await mockWorkflowGates(runs);
  const { result, rejections } = await collectUnhandledRejections(async () => {
    const gate = new WorkflowExecution("failing-gate", { workflowId: WF, executionId: "exec-fail", requireStatus: "success" });
    return valueOf(gate.status).catch((e: Error) => e);
  });
  expect(String(result)).toContain("node integration-tests failed: FSS.1051: 3 of 120 tests failed");
  const error = await gates.outcomeOf("failing-gate");
  expect(isWorkflowGateError(error) && error.code).toBe("FGS_GATE_REJECTED");
  expect(rejections).toHaveLength(1);
});

test("failedGates: hold: a failed gate stops its dependents and nothing rejects", async () => {
  const gates = await mockWorkflowGates({ ...runs, failedGates: "hold" });
  const { result, rejections } = await collectUnhandledRejections(async () => {
    const gate = new WorkflowExecution("held-gate", { workflowId: WF, executionId: "exec-fail", requireStatus: "success" });
    const release = new ReleaseMarker("release", { version: "1.0.0", gatedBy: gate.executionId }, { dependsOn: [gate] });
    void release;
    return gates.outcomeOf("held-gate");
  });
  expect(isWorkflowGateError(result) && result.code).toBe("FGS_GATE_REJECTED");
  expect(gates.registered).toEqual(["held-gate"]);
  expect(rejections).toEqual([]);
});

test("the Output functions decide the same way; a failing one that is caught leaves no unhandled rejection", async () => {
  await mockWorkflowGates(runs);
  const { result, rejections } = await collectUnhandledRejections(async () => {
    const passed = await valueOf(getWorkflowExecutionOutput({ ...conn(), workflowId: WF, executionId: "exec-ok", requireStatus: "success" }));
    const error = await valueOf(getWorkflowExecutionOutput({ workflowId: WF, executionId: "exec-fail", requireStatus: "success" })).catch((e) => e);
    const split = getWorkflowExecutionWithPayloadsOutput({ workflowId: WF, executionId: "exec-ok" });
    // Every Output of a failing split read, each awaited and caught: none may reject unhandled.
    const failing = getWorkflowExecutionWithPayloadsOutput({ workflowId: WF, executionId: "exec-fail", requireStatus: "success" });
    for (const o of Object.values(failing)) await valueOf(o as pulumi.Output<unknown>).catch(() => undefined);
    return { passed, error, payloads: await valueOf(split.payloads), secret: await isSecret(split.payloads) };
  });
  expect(result.passed.status).toBe("success");
  expect(result.passed.input).toBeUndefined();
  expect(isWorkflowGateError(result.error) && result.error.code).toBe("FGS_GATE_REJECTED");
  expect(result.payloads.input).toEqual({ token: "canned-secret" });
  expect(result.secret).toBe(true);
  expect(rejections).toEqual([]);
  expect(emulator.countRequests()).toBe(0);
});

test("the latest-run lookup: resource and Output function, by name or ID", async () => {
  const gates = await mockWorkflowGates(runs);
  const latest = new LatestWorkflowExecution("latest", { workflowId: WF, requireStatus: "success" });
  expect(await valueOf(latest.executionId)).toBe("exec-ok");
  const error = await valueOf(getLatestWorkflowExecutionOutput({ workflowName: "release-checks", requireStatus: "success" })).catch((e) => e);
  expect(isWorkflowGateError(error)).toBe(true);
  expect(gates.requests).toEqual([
    { kind: "latest", key: WF },
    { kind: "latest", key: "release-checks" },
  ]);
});

test("WorkflowRun: an up starts one (canned) run and waits for it; a preview starts nothing", async () => {
  const gates = await mockWorkflowGates(runs);
  const run = new WorkflowRun("checks", { ...conn(), workflowId: WF, input: { version: "1.0.0" }, triggers: ["1.0.0"] });
  expect(await valueOf(run.status)).toBe("success");
  expect(await valueOf(run.executionId)).toBe("exec-ok");
  expect(await isSecret(run.input)).toBe(true);
  expect(gates.requests).toEqual([{ kind: "start", key: WF }]);

  const preview = await mockWorkflowGates({ ...runs, preview: true });
  const planned = new WorkflowRun("planned", { workflowId: WF, input: { version: "1.0.1" } });
  expect(await isKnown(planned.executionId)).toBe(false);
  expect(await isKnown(planned.status)).toBe(false);
  expect(preview.requests).toEqual([]);
  expect(emulator.countRequests()).toBe(0);
});

test("WorkflowRun: a wait that gives up stops the run it started, as runWorkflow does (stopOnGiveUp)", async () => {
  const neverEnds = { ...runs, failedGates: "hold" as const, runs: { "long-checks": running } };
  const gates = await mockWorkflowGates(neverEnds);
  const { result } = await collectUnhandledRejections(async () => {
    new WorkflowRun("stopped", { workflowName: "long-checks", input: {}, waitForCompletion: { timeoutSeconds: 60 } });
    return gates.outcomeOf("stopped");
  });
  expect(isWorkflowGateError(result) && result.code).toBe("FGS_GATE_TIMEOUT");
  expect(String((result as Error).message)).toContain("The run exec-running this call started was stopped (terminated)");
  expect(gates.requests).toEqual([
    { kind: "start", key: "long-checks" },
    { kind: "terminate", key: "exec-running" },
  ]);

  const kept = await mockWorkflowGates(neverEnds);
  const { result: keptError } = await collectUnhandledRejections(async () => {
    new WorkflowRun("kept", { workflowName: "long-checks", input: {}, waitForCompletion: { timeoutSeconds: 60 }, stopOnGiveUp: false });
    return kept.outcomeOf("kept");
  });
  expect(isWorkflowGateError(keptError) && keptError.code).toBe("FGS_GATE_TIMEOUT");
  expect(kept.requests).toEqual([{ kind: "start", key: "long-checks" }]);

  // warn mode passes the step with the unfinished run, and stops it all the same.
  const warned = await mockWorkflowGates(neverEnds);
  const warnRun = new WorkflowRun("warned", { workflowName: "long-checks", input: {}, waitForCompletion: { timeoutSeconds: 60 }, mode: "warn" });
  expect(await valueOf(warnRun.status)).toBe("running");
  // The gate warned that the wait timed out: the verdict output must say so, never "pass".
  expect(await valueOf(warnRun.verdict)).toBe("fail");
  expect(warned.requests).toEqual([
    { kind: "start", key: "long-checks" },
    { kind: "terminate", key: "exec-running" },
  ]);
});

test("report mode: a wait that ends on an unfinished run gives verdict fail, resource and Output function alike", async () => {
  await mockWorkflowGates(runs);
  const args = { workflowId: WF, executionId: "exec-running", waitForCompletion: { timeoutSeconds: 60 }, mode: "report" as const };
  const gate = new WorkflowExecution("reported", args);
  expect(await valueOf(gate.status)).toBe("running");
  expect(await valueOf(gate.verdict)).toBe("fail");
  const split = getWorkflowExecutionWithPayloadsOutput(args);
  expect(await valueOf(split.verdict as pulumi.Output<string>)).toBe("fail");
});

test("a run that never ends times out as in production, at once (virtual clock)", async () => {
  await mockWorkflowGates(runs);
  const error = await valueOf(
    getWorkflowExecutionOutput({ workflowId: WF, executionId: "exec-running", requireStatus: "success", waitForCompletion: { timeoutSeconds: 600 } }),
  ).catch((e) => e);
  expect(isWorkflowGateError(error) && error.code).toBe("FGS_GATE_TIMEOUT");
});

test("a run the test did not can is a clear error, not a request", async () => {
  await mockWorkflowGates(runs);
  const error = await valueOf(getWorkflowExecutionOutput({ ...conn(), workflowId: WF, executionId: "exec-unknown" })).catch((e) => e);
  expect(isConfigurationError(error)).toBe(true);
  expect(String(error)).toContain('no canned run for execution ID "exec-unknown"');
  expect(emulator.countRequests()).toBe(0);
});

test("a canned run of another workflow is refused, as the service would refuse it", async () => {
  await mockWorkflowGates(runs);
  const error = await valueOf(getWorkflowExecutionOutput({ workflowId: "wf-other", executionId: "exec-ok" })).catch((e) => e);
  expect(isConfigurationError(error)).toBe(true);
  expect(String(error)).toContain('belongs to workflow "wf-release", not "wf-other"');
});

test("network: true lets the gate read the emulator, when a test asks for it", async () => {
  await mockWorkflowGates({ network: true });
  const credentials = { ...emulator.credentials };
  const execution = await valueOf(
    getWorkflowExecutionOutput({ ...conn(), credentials, workflowId: SCENARIO_IDS.workflow, executionId: SCENARIO_IDS.executions.success }),
  );
  expect(execution.status).toBe("success");
  expect(emulator.countRequests()).toBeGreaterThan(0);
});

test("plain setMocks: the resources refuse to construct and the Output functions send nothing", async () => {
  await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) });
  expect(() => new WorkflowExecution("gate", { workflowId: WF, executionId: "exec-fail", requireStatus: "success" })).toThrow(/mockWorkflowGates/);
  expect(() => new WorkflowRun("run", { workflowId: WF, input: {} })).toThrow(/mockWorkflowGates/);
  const error = await valueOf(getWorkflowExecutionOutput({ ...conn(), workflowId: WF, executionId: "exec-ok" })).catch((e) => e);
  expect(isConfigurationError(error)).toBe(true);
  expect(emulator.countRequests()).toBe(0);
});

test("cannedExecution refuses a run the service could not answer", () => {
  expect(() => cannedExecution({ status: "bogus" as never })).toThrow(/cannedExecution/);
});
