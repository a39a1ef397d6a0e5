/**
 * `WorkflowRun` in a program: run under `setMocks`, each dynamic resource forwarded to the real provider
 * host with the engine's rules (harness/miniEngine.ts: a preview returns the checked inputs and never
 * calls Create). The emulator counts the runs started.
 */
import { WorkflowRun } from "../../provider/pulumi/runResource";
import { ReleaseMarker } from "../../examples/gate-deployment/releaseMarker";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { at, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { useMiniEngine } from "./harness/miniEngine";
import { isKnown, isSecret, quiet, valueOf } from "./harness/outputs";
import { collectUnhandledRejections } from "./harness/rejections";

let emulator: Emulator;
let host: ProviderHost;
const FAST_WAIT = { timeoutSeconds: 20, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 };
const starts = () => emulator.countRequests({ route: "startExecution" });
const runArgs = (scenario: string) => ({ ...at(emulator), input: { scenario, token: "run-token-77" }, waitForCompletion: FAST_WAIT, triggers: ["1.0.0"] });

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});
beforeEach(() => emulator.reset());

test("up: one run is started and gated; input is secret, status and ID plain", async () => {
  const steps = await useMiniEngine(host);
  const run = new WorkflowRun("checks", runArgs("success"));
  expect(await valueOf(run.status)).toBe("success");
  expect(await valueOf(run.executionId)).toBe(emulator.runs[0].executionId);
  expect(starts()).toBe(1);
  expect(steps.find((s) => s.name === "checks")!.op).toBe("create");
  for (const o of [run.input, run.output, run.nodePayloads]) expect(await isSecret(o)).toBe(true);
  for (const o of [run.status, run.executionId, run.nodes]) expect(await isSecret(o)).toBe(false);
});

test("preview starts nothing: the run's outputs are unknown and the dependent is only planned", async () => {
  const steps = await useMiniEngine(host, { preview: true });
  const run = new WorkflowRun("checks", runArgs("success"));
  const release = new ReleaseMarker("release", { version: "1.0.0", gatedBy: run.id }, { dependsOn: [run] });
  expect(await isKnown(run.executionId)).toBe(false);
  expect(await isKnown(run.status)).toBe(false);
  await valueOf(release.urn);
  expect(steps.map((s) => s.op)).toEqual(["preview", "preview"]);
  expect(emulator.countRequests()).toBe(0);
});

test("a failed run fails its create and the dependent resource is never created", async () => {
  const steps = await useMiniEngine(host);
  const { result, rejections } = await collectUnhandledRejections(async () => {
    const run = new WorkflowRun("failing", runArgs("fail-at-integration"));
    const release = new ReleaseMarker("blocked", { version: "2.0.0", gatedBy: run.id }, { dependsOn: [run] });
    quiet(run, release);
    return valueOf(run.status).catch((e: Error) => e);
  }, 500);
  expect(result).toBeInstanceOf(Error);
  expect(starts()).toBe(1);
  expect(steps.find((s) => s.name === "failing")!.error).toContain("node integration-tests failed");
  expect(steps.map((s) => s.name)).not.toContain("blocked");
  expect(rejections.map(String).join("\n")).toContain("node integration-tests failed");
});

test("the constructor refuses bad inputs before anything is registered", () => {
  expect(() => new WorkflowRun("bad", { ...at(emulator), input: "not an object" as never })).toThrow(/input must be a JSON object/);
  expect(() => new WorkflowRun("both", { ...runArgs("success"), workflowName: "x" })).toThrow(/workflowId|workflowName/);
});
