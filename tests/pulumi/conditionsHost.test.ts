/**
 * Conditions and required nodes on the Pulumi resources, through the real provider host against the
 * emulator: the verdict and each condition's result (name, outcome, passed, reason; no values) are
 * outputs; a failed condition fails the read in enforce mode; the Output functions take the same options.
 * Also the constructor's validation of the new options.
 */
import type { Condition } from "../../provider/conditionArgs";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { getWorkflowExecutionWithPayloadsOutput } from "../../provider/pulumi/output";
import { WorkflowExecutionResource } from "../../provider/pulumi/resource";
import { WORKFLOW_EXECUTION_TYPE } from "../../provider/pulumi/resourceState";
import { WorkflowRun } from "../../provider/pulumi/runResource";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, at, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { valueOf } from "./harness/outputs";
import { useRecordingMocks } from "./harness/recordingMocks";
import { serializeProvider, type SerializedProvider } from "./harness/serialize";

const ids = SCENARIO_IDS.executions;
let emulator: Emulator;
let host: ProviderHost;
let provider: SerializedProvider;
const urn = (name: string) => engine.urnOf(WORKFLOW_EXECUTION_TYPE, name);
const props = (extra: Record<string, unknown>) => ({ ...at(emulator), ...extra, __provider: provider.text });

const versionIs: Condition = { source: "output", path: "/version", equals: "1.4.2" };
const noFailedTests: Condition = { name: "no failed integration tests", source: { node: "integration-tests" }, path: "/failed", lte: 0 };

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  provider = await serializeProvider();
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});

test("a passing gate: verdict pass and one result per required node and condition, without values", async () => {
  const res = await engine.read(host, urn("gate"), ids.success, props({ requireNodes: ["build"], conditions: [versionIs, noFailedTests] }));
  expect(res.props.verdict).toBe("pass");
  const results = res.props.conditionResults as { name: string; outcome: string; passed: boolean; reason: string }[];
  expect(results.map((r) => [r.outcome, r.passed])).toEqual([["pass", true], ["pass", true], ["pass", true]]);
  expect(results.map((r) => r.name)).toContain("no failed integration tests");
  expect(JSON.stringify(results)).not.toContain("release-checks-1.4.2.tgz");
});

test("report mode: a false condition gives verdict fail; an inconclusive one, inconclusive", async () => {
  const wrong = { source: "output", path: "/version", equals: "9.9.9" };
  const failed = await engine.read(host, urn("gate"), ids.success, props({ mode: "report", conditions: [wrong] }));
  expect(failed.props.verdict).toBe("fail");
  expect((failed.props.conditionResults as { passed: boolean }[])[0].passed).toBe(false);
  const unsure = await engine.read(host, urn("gate"), ids.success, props({ mode: "report", conditions: [{ ...wrong, onFalse: "inconclusive" }] }));
  expect(unsure.props.verdict).toBe("inconclusive");
});

test("enforce mode: a condition on a missing value fails the read, naming the condition, not the value", async () => {
  const missing = { source: "output", path: "/report/score", gte: 90 };
  const err = await engine.read(host, urn("gate"), ids.success, props({ conditions: [missing] })).catch((e) => e);
  expect(err.code).toBe(2);
  expect(err.details).toContain("/report/score");
  expect(err.details).not.toContain("passed");
  const inconclusive = await engine.read(host, urn("gate"), ids.success, props({ conditions: [{ ...missing, onMissing: "inconclusive" }] })).catch((e) => e);
  expect(inconclusive.details).toMatch(/could not be judged/);
});

test("a required node that is missing fails the gate", async () => {
  const err = await engine.read(host, urn("gate"), ids.success, props({ requireNodes: ["smoke-tests"] })).catch((e) => e);
  expect(err.details).toContain("smoke-tests");
});

test("malformed conditions are refused by the constructor and by Check, naming the setting", async () => {
  await useRecordingMocks();
  expect(() => new WorkflowExecutionResource("bad", { ...at(emulator), executionId: ids.success, conditions: [{ source: "output", path: "version", equals: 1 } as never] })).toThrow(/conditions/);
  expect(() => new WorkflowRun("bad-run", { ...at(emulator), input: {}, requireNodes: 5 as never })).toThrow(/requireNodes/);
  const checked = await engine.check(host, urn("gate"), {}, props({ executionId: ids.success, conditions: [{ source: "output", path: "/v" }] }));
  expect(checked.failures.map((f) => f.property).join()).toMatch(/conditions/);
});

test("the Output functions take the same options and give the verdict and results", async () => {
  await useRecordingMocks();
  const credentials = { ...emulator.credentials };
  const split = getWorkflowExecutionWithPayloadsOutput({ ...at(emulator), credentials, executionId: ids.success, conditions: [versionIs], mode: "report" });
  expect(await valueOf(split.verdict)).toBe("pass");
  expect((await valueOf(split.conditionResults)).map((r) => r.passed)).toEqual([true]);
  const failing = getWorkflowExecutionWithPayloadsOutput({ ...at(emulator), credentials, executionId: ids.success, conditions: [{ ...versionIs, equals: "0" }] });
  const error = await valueOf(failing.execution).catch((e) => e);
  expect(isWorkflowGateError(error) && error.code).toBe("FGS_GATE_REJECTED");
  await valueOf(failing.verdict).catch(() => undefined);
  await valueOf(failing.conditionResults).catch(() => undefined);
  await valueOf(failing.payloads).catch(() => undefined);
});
