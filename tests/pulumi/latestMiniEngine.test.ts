/**
 * "Mini engine" for LatestWorkflowExecution: programs run under `setMocks`, every dynamic resource is
 * forwarded to the real provider host over gRPC with the engine's rules (harness/miniEngine.ts). The first
 * program is the shipped example `examples/gate-latest`; the others show a failed latest run stopping the
 * dependents, a newer run reaching the dependent on the next deployment, secret payloads, and preview.
 */
import * as pulumi from "@pulumi/pulumi";
import { LatestWorkflowExecution } from "../../provider/pulumi/latestResource";
import { ReleaseMarker } from "../../examples/gate-deployment/releaseMarker";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { FLAKY, NIGHTLY, PAYLOAD_SECRET, RELEASE, connection, startLatestEmulator, type LatestEmulator } from "./harness/latestScenario";
import { useMiniEngine, type Step } from "./harness/miniEngine";
import { isKnown, isSecret, quiet, valueOf } from "./harness/outputs";
import { collectUnhandledRejections } from "./harness/rejections";

let emulator: LatestEmulator;
let host: ProviderHost;

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startLatestEmulator();
  const env = cleanEnv({ HW_ACCESS_KEY: emulator.credentials.accessKey, HW_SECRET_KEY: emulator.credentials.secretKey, PULUMI_NODEJS_PROJECT: "fgs-gate-latest" });
  host = await startHost({ cwd: REPO_ROOT, env });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});
beforeEach(() => emulator.reset());

/** Settles every output of a program (so failed steps are recorded) and returns the values or errors. */
async function settle(outputs: Record<string, pulumi.Output<unknown>>) {
  const entries = await Promise.all(
    Object.entries(outputs).map(async ([k, o]) => [k, await valueOf(o).catch((e: Error) => e)] as const),
  );
  return Object.fromEntries(entries);
}

const stepsOf = (steps: Step[], op: Step["op"]) => steps.filter((s) => s.op === op).map((s) => s.name);

test("the gate-latest example: finds the newest run by name, gates, then creates the release", async () => {
  const steps = await useMiniEngine(host, { project: "fgs-gate-latest" });
  pulumi.runtime.setAllConfig({
    "fgs-gate-latest:workflowName": RELEASE.name,
    "fgs-gate-latest:endpoint": emulator.url,
    "fgs-gate-latest:projectId": connection(emulator).projectId,
    "fgs-gate-latest:version": "2.1.0",
  });
  const program = require("../../examples/gate-latest") as Record<string, pulumi.Output<unknown>>;
  const result = await settle(program);
  expect(result).toMatchObject({
    gateExecutionId: RELEASE.newest,
    gateStatus: "success",
    gateWorkflowId: RELEASE.id,
    releaseId: "release-2.1.0",
    releaseGatedBy: RELEASE.newest,
  });
  expect(stepsOf(steps, "read")).toEqual(["latest-release-gate"]);
  expect(stepsOf(steps, "create")).toEqual(["release"]);
  const gate = steps.find((s) => s.name === "latest-release-gate")!;
  expect(gate.id).toBe(`latest:name:${RELEASE.name}`);
  expect(gate.additionalSecretOutputs).toEqual(expect.arrayContaining(["input", "nodePayloads"]));
  // Nothing the program exports carries a payload.
  expect(JSON.stringify(result)).not.toContain(PAYLOAD_SECRET);
});

test("a failed latest run fails its read step, naming the node, and the dependent is never created", async () => {
  const steps = await useMiniEngine(host);
  const { result: failure, rejections } = await collectUnhandledRejections(async () => {
    const gate = new LatestWorkflowExecution("flaky-gate", { ...connection(emulator), workflowName: FLAKY.name, requireStatus: "success" });
    const release = new ReleaseMarker("blocked-release", { version: "2.0.0", gatedBy: gate.executionId }, { dependsOn: [gate] });
    quiet(gate, release);
    return valueOf(gate.status).catch((e: Error) => e);
  }, 500);
  expect(failure).toBeInstanceOf(Error);
  const read = steps.find((s) => s.name === "flaky-gate")!;
  expect(read.op).toBe("read");
  expect(read.error).toContain(`node ${FLAKY.failedNode} failed`);
  expect(steps.map((s) => s.name)).not.toContain("blocked-release");
  expect(rejections.map(String).join("\n")).toContain(`node ${FLAKY.failedNode} failed`);
});

test("the next deployment gates on a newer run: the dependent is handed the new executionId", async () => {
  const deploy = async (suffix: string) => {
    const steps = await useMiniEngine(host);
    const gate = new LatestWorkflowExecution(`nightly-gate-${suffix}`, { ...connection(emulator), workflowId: NIGHTLY.id, requireStatus: "success" });
    const release = new ReleaseMarker(`nightly-release-${suffix}`, { version: "1.0.0", gatedBy: gate.executionId }, { dependsOn: [gate] });
    const gatedBy = await valueOf(release.gatedBy);
    return { gatedBy, id: steps.find((s) => s.op === "read")!.id };
  };
  const first = await deploy("1");
  const second = await deploy("2");
  expect([first.gatedBy, second.gatedBy]).toEqual([NIGHTLY.first, NIGHTLY.appearing]);
  // The resource ID the engine stores does not move with the run.
  expect([first.id, second.id]).toEqual([`latest:id:${NIGHTLY.id}`, `latest:id:${NIGHTLY.id}`]);
});

test("payload outputs come back secret; status, run ID and nodes stay plain", async () => {
  await useMiniEngine(host);
  const gate = new LatestWorkflowExecution("secret-gate", { ...connection(emulator), workflowId: RELEASE.id });
  expect(await valueOf(gate.executionId)).toBe(RELEASE.newest);
  for (const o of [gate.input, gate.output, gate.headers, gate.nodePayloads]) expect(await isSecret(o)).toBe(true);
  for (const o of [gate.status, gate.executionId, gate.workflowUrn, gate.nodes]) expect(await isSecret(o)).toBe(false);
  expect(JSON.stringify(await valueOf(gate.nodes))).not.toContain(PAYLOAD_SECRET);
  expect((await valueOf(gate.input))?.token).toBe(PAYLOAD_SECRET);
});

test("preview: the latest run is looked up (its status is known) and the dependent is only planned", async () => {
  const steps = await useMiniEngine(host, { preview: true });
  const gate = new LatestWorkflowExecution("preview-gate", { ...connection(emulator), workflowName: RELEASE.name, requireStatus: "success" });
  const release = new ReleaseMarker("planned-release", { version: "3.0.0", gatedBy: gate.executionId }, { dependsOn: [gate] });
  expect(await valueOf(gate.executionId)).toBe(RELEASE.newest);
  expect(await isKnown(release.releasedAt)).toBe(false);
  await valueOf(release.urn);
  expect(stepsOf(steps, "read")).toEqual(["preview-gate"]);
  expect(stepsOf(steps, "preview")).toEqual(["planned-release"]);
});
