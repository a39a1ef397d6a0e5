/**
 * `WorkflowRun` through the real dynamic-provider host, driven over gRPC as the engine drives a managed
 * resource (Configure, Check, Create; Diff on the next up; Read on refresh; Delete), against the emulator,
 * which counts the runs it was asked to start.
 */
import { workflowRunProvider } from "../../provider/pulumi/provider";
import { WORKFLOW_RUN_TYPE } from "../../provider/pulumi/runState";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, at, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { providerPb, toStruct } from "./harness/proto";
import { serializeProvider, type SerializedProvider } from "./harness/serialize";

let emulator: Emulator;
let host: ProviderHost;
let provider: SerializedProvider;
const urn = (name: string) => engine.urnOf(WORKFLOW_RUN_TYPE, name);
const FAST_WAIT = { timeoutSeconds: 20, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 };
const INPUT_SECRET = "run-input-token-9d1c";
/** The inputs the SDK sends for `new WorkflowRun(name, args)`, secrets already unwrapped by the engine. */
const props = (extra: Record<string, unknown>) => ({
  ...at(emulator),
  input: { scenario: "success", token: INPUT_SECRET },
  waitForCompletion: FAST_WAIT,
  ...extra,
  __provider: provider.text,
});
const starts = () => emulator.countRequests({ route: "startExecution" });

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  provider = await serializeProvider(workflowRunProvider);
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});
beforeEach(() => emulator.reset());

test("the serialized provider is small, needs no secret and holds no credential", () => {
  console.log(`serialized WorkflowRun __provider: ${provider.bytes} bytes`);
  const coverage = (globalThis as { __coverage__?: unknown }).__coverage__ !== undefined;
  if (!coverage) expect(provider.bytes).toBeLessThan(8 * 1024);
  expect(provider.containsSecrets).toBe(false);
  expect(provider.text).not.toContain(emulator.credentials.accessKey);
  expect(provider.text).not.toContain(emulator.credentials.secretKey);
  expect(provider.text).toContain('"fgs-workflow-gate/runtime"');
});

test("Create starts exactly one run, gates on it and returns its ID and the typed execution", async () => {
  const checked = await engine.check(host, urn("run"), {}, props({ triggers: ["v1"] }));
  expect(checked.failures).toEqual([]);
  const res = await engine.create(host, urn("run"), checked.inputs);
  expect(starts()).toBe(1);
  expect(res.id).toBe(emulator.runs[0].executionId);
  expect(res.props).toMatchObject({
    executionId: res.id,
    workflowId: SCENARIO_IDS.workflow,
    status: "success",
    succeeded: true,
    triggers: ["v1"],
    input: { scenario: "success", token: INPUT_SECRET },
  });
  expect(emulator.runs[0].input).toEqual({ scenario: "success", token: INPUT_SECRET });
  // The state holds no credential (they came from the host's environment).
  expect(JSON.stringify(res.props)).not.toContain(emulator.credentials.secretKey);
  expect(JSON.stringify(res.props)).not.toContain(emulator.credentials.accessKey);
  // Nothing the provider printed carries the run's input.
  expect(host.output()).not.toContain(INPUT_SECRET);
});

test("a failed run fails the create with the gate's error (so dependents are not touched)", async () => {
  const err = await engine.create(host, urn("failing"), props({ input: { scenario: "fail-at-integration", token: INPUT_SECRET } })).catch((e) => e);
  expect(starts()).toBe(1);
  expect(err.code).toBe(2);
  expect(err.details).toMatch(/ended fail: node integration-tests failed/);
  expect(err.details).not.toContain(INPUT_SECRET);
});

test("an unchanged up starts nothing: Diff says no change; a refresh (Read) sends nothing", async () => {
  const created = await engine.create(host, urn("run"), props({ triggers: { version: "1.0.0" } }));
  emulator.reset();
  const same = await engine.diff(host, urn("run"), created.id, created.props, props({ triggers: { version: "1.0.0" } }));
  expect(same).toEqual({ changes: "DIFF_NONE", replaces: [] });
  const refreshed = await engine.read(host, urn("run"), created.id, created.props, props({ triggers: { version: "1.0.0" } }));
  expect(refreshed.props.executionId).toBe(created.id);
  expect(emulator.requests).toEqual([]);
});

test("changed triggers, input or workflow replace the run; only a Create starts one", async () => {
  const created = await engine.create(host, urn("run"), props({ triggers: ["a"] }));
  const diffWith = (extra: Record<string, unknown>) => engine.diff(host, urn("run"), created.id, created.props, props({ triggers: ["a"], ...extra }));
  expect(await diffWith({ triggers: ["b"] })).toEqual({ changes: "DIFF_SOME", replaces: ["triggers"] });
  expect((await diffWith({ input: { scenario: "success", token: "other" } })).replaces).toEqual(["input"]);
  expect((await diffWith({ workflowId: undefined, workflowName: SCENARIO_IDS.workflowName })).replaces).toEqual(["workflowId", "workflowName"]);
  expect(starts()).toBe(1);
});

test("a workflow given by name: the resolved ID is an output, and the next Diff is no change", async () => {
  const byName = props({ workflowId: undefined, workflowName: SCENARIO_IDS.workflowName });
  const created = await engine.create(host, urn("named"), byName);
  expect(created.props.workflowId).toBe(SCENARIO_IDS.workflow);
  expect(await engine.diff(host, urn("named"), created.id, created.props, byName)).toEqual({ changes: "DIFF_NONE", replaces: [] });
});

test("Check refuses a missing input and credentials as inputs, without quoting values", async () => {
  const res = await engine.check(host, urn("bad"), {}, props({ input: undefined, secretKey: "sk-should-not-echo" }));
  expect(res.failures.map((f) => f.property).sort()).toEqual(["input", "secretKey"]);
  expect(JSON.stringify(res.failures)).not.toContain("sk-should-not-echo");
});

test("Delete leaves the run alone (nothing is sent)", async () => {
  const created = await engine.create(host, urn("run"), props({}));
  emulator.reset();
  const req = new providerPb.DeleteRequest();
  req.setUrn(urn("run"));
  req.setId(created.id);
  req.setProperties(toStruct(created.props));
  await host.call("delete", req);
  expect(emulator.requests).toEqual([]);
});
