/**
 * "Mini engine": Pulumi programs run under `setMocks`, and every dynamic resource is forwarded to the
 * real provider host over gRPC with the engine's rules (see harness/miniEngine.ts). The first program is
 * the shipped example `examples/gate-deployment`; the others show a failed gate stopping dependents,
 * secret payloads, and preview.
 */
import * as pulumi from "@pulumi/pulumi";
import { WorkflowExecutionResource } from "../../provider/pulumi/resource";
import { ReleaseMarker } from "../../examples/gate-deployment/releaseMarker";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, at, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import { startHost, type ProviderHost } from "./harness/host";
import { useMiniEngine, type Step } from "./harness/miniEngine";
import { isKnown, isSecret, quiet, valueOf } from "./harness/outputs";
import * as engine from "./harness/engine";
import { collectUnhandledRejections } from "./harness/rejections";

const ids = SCENARIO_IDS.executions;
let emulator: Emulator;
let host: ProviderHost;

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), PULUMI_NODEJS_PROJECT: "fgs-workflow-gate" }) });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});

/** Settles every output of a program (so failed steps are recorded) and returns the values or errors. */
async function settle(outputs: Record<string, pulumi.Output<unknown>>) {
  const entries = await Promise.all(
    Object.entries(outputs).map(async ([k, o]) => [k, await valueOf(o).catch((e: Error) => e)] as const),
  );
  return Object.fromEntries(entries);
}

const stepsOf = (steps: Step[], op: Step["op"]) => steps.filter((s) => s.op === op).map((s) => s.name);

test("the gate-deployment example: read gate, then create the release", async () => {
  const steps = await useMiniEngine(host, { project: "fgs-workflow-gate" });
  pulumi.runtime.setAllConfig({
    "fgs-workflow-gate:workflowId": SCENARIO_IDS.workflow,
    "fgs-workflow-gate:executionId": ids.success,
    "fgs-workflow-gate:endpoint": emulator.url,
    "fgs-workflow-gate:projectId": SCENARIO_IDS.projectId,
  });
  const program = require("../../examples/gate-deployment") as Record<string, pulumi.Output<unknown>>;
  const result = await settle(program);
  expect(result).toMatchObject({ gateStatus: "success", releaseId: "release-1.0.0" });
  expect(stepsOf(steps, "read")).toEqual(["release-gate"]);
  expect(stepsOf(steps, "create")).toEqual(["release"]);
  expect(steps.find((s) => s.name === "release-gate")!.additionalSecretOutputs).toContain("nodePayloads");
});

test("a failed gate fails its read step and the dependent resource is never created", async () => {
  const steps = await useMiniEngine(host);
  const { result: failure, rejections } = await collectUnhandledRejections(async () => {
    const gate = new WorkflowExecutionResource("failing-gate", { ...at(emulator), executionId: ids.fail, requireStatus: "success" });
    const release = new ReleaseMarker("blocked-release", { version: "2.0.0", gatedBy: gate.id }, { dependsOn: [gate] });
    quiet(gate, release);
    return valueOf(gate.status).catch((e: Error) => e);
  }, 500);
  expect(failure).toBeInstanceOf(Error);
  const read = steps.find((s) => s.name === "failing-gate")!;
  expect(read.op).toBe("read");
  expect(read.error).toContain("node integration-tests failed");
  expect(steps.map((s) => s.name)).not.toContain("blocked-release");
  // The SDK's deliberate unhandled rejection: what makes the language host fail `pulumi up`.
  expect(rejections.map(String).join("\n")).toContain("node integration-tests failed");
});

test("payload outputs come back secret; status, URN and nodes stay plain", async () => {
  await useMiniEngine(host);
  const gate = new WorkflowExecutionResource("secret-gate", { ...at(emulator), executionId: ids.success });
  expect(await valueOf(gate.status)).toBe("success");
  for (const o of [gate.input, gate.output, gate.headers, gate.nodePayloads]) expect(await isSecret(o)).toBe(true);
  for (const o of [gate.status, gate.workflowUrn, gate.nodes, gate.failedNodes]) expect(await isSecret(o)).toBe(false);
  expect(JSON.stringify(await valueOf(gate.nodes))).not.toMatch(/"input"|"output"/);
  expect((await valueOf(gate.input))?.version).toBe("1.4.2");
});

test("preview: the gate is read (its status is known) and the dependent is only planned", async () => {
  const steps = await useMiniEngine(host, { preview: true });
  const gate = new WorkflowExecutionResource("preview-gate", { ...at(emulator), executionId: ids.success, requireStatus: "success" });
  const release = new ReleaseMarker("planned-release", { version: "3.0.0", gatedBy: gate.id }, { dependsOn: [gate] });
  expect(await valueOf(gate.status)).toBe("success");
  expect(await isKnown(release.releasedAt)).toBe(false);
  await valueOf(release.urn);
  expect(stepsOf(steps, "read")).toEqual(["preview-gate"]);
  expect(stepsOf(steps, "preview")).toEqual(["planned-release"]);
});
