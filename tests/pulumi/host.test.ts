/**
 * Engine level: the real dynamic-provider host from @pulumi/pulumi, driven over gRPC the way the engine
 * drives it for a resource read by ID (Configure, then Read; Check and Diff for completeness), running the
 * provider text serialized by the SDK, against the emulator. Credentials come from the host's environment.
 */
import { WORKFLOW_EXECUTION_TYPE } from "../../provider/pulumi/resource";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, at, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { serializeProvider, type SerializedProvider } from "./harness/serialize";

const ids = SCENARIO_IDS.executions;
let emulator: Emulator;
let host: ProviderHost;
let provider: SerializedProvider;
const urn = (name: string) => engine.urnOf(WORKFLOW_EXECUTION_TYPE, name);
/** The props the SDK sends for `new WorkflowExecution(name, args)`: the inputs plus `__provider`. */
const props = (extra: Record<string, unknown>) => ({ ...at(emulator), ...extra, __provider: provider.text });

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  provider = await serializeProvider();
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  // Like the engine: Configure first, with the (namespaced) stack config; here none of it is a credential.
  await engine.configure(host, { "fgs-gate-test:workflowId": SCENARIO_IDS.workflow });
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});

test("the serialized provider is small, needs no secret and holds no credential", () => {
  console.log(`serialized __provider: ${provider.bytes} bytes (serialized in ${provider.ms} ms)`);
  // Under `jest --coverage` Istanbul's counters get captured too (about 100 KB): no size check then.
  const coverage = (globalThis as { __coverage__?: unknown }).__coverage__ !== undefined;
  if (!coverage) expect(provider.bytes).toBeLessThanOrEqual(32 * 1024);
  expect(provider.containsSecrets).toBe(false);
  expect(provider.text).not.toContain(emulator.credentials.accessKey);
  expect(provider.text).not.toContain(emulator.credentials.secretKey);
  // Only the stable entry point is required; the client, ajv and node-fetch stay out of state.
  expect(provider.text).toContain('"fgs-workflow-gate/runtime"');
  expect(provider.text).not.toMatch(/ajv|node-fetch|dist\/provider/);
});

test("answers the engine's handshake like any dynamic host", async () => {
  // SDKs before 3.143.0 have no Handshake in their protocol: the engine goes straight to Configure.
  if (engine.HAS_HANDSHAKE) await expect(engine.handshake(host)).rejects.toMatchObject({ code: 12 });
  expect(await engine.pluginInfo(host)).toMatch(/^3\./);
});

test("Read of a successful run returns typed outputs, echoes inputs and keeps payloads out of nodes", async () => {
  const started = Date.now();
  const res = await engine.read(host, urn("gate"), ids.success, props({ requireStatus: "success" }));
  const readMs = Date.now() - started;
  console.log(`host: port after ${host.startupMs} ms; first Read answered ${Date.now() - host.spawnedAt} ms after spawn (${readMs} ms for the RPC)`);
  expect(res.id).toBe(ids.success);
  expect(res.props).toMatchObject({
    workflowId: SCENARIO_IDS.workflow,
    executionId: ids.success,
    requireStatus: "success",
    status: "success",
    terminal: true,
    succeeded: true,
    failedNodeNames: [],
    urnParts: { workflowName: SCENARIO_IDS.workflowName },
    __provider: provider.text,
  });
  const nodes = res.props.nodes as { nodeName: string; executions: object[] }[];
  expect(nodes.map((n) => n.nodeName)).toEqual(["build", "unit-tests", "integration-tests", "deploy-canary"]);
  expect(JSON.stringify(nodes)).not.toMatch(/"input"|"output"/);
  expect((res.props.nodePayloads as { executions: object[] }[])[0].executions[0]).toHaveProperty("output");
  expect(res.props.input).toMatchObject({ version: "1.4.2" });
});

test("a failed gate is an RPC error that names the failed node and its error", async () => {
  const err = await engine.read(host, urn("gate"), ids.fail, props({ requireStatus: "success" })).catch((e) => e);
  expect(err.code).toBe(2);
  expect(err.details).toMatch(/FGS_GATE_REJECTED|ended fail/);
  expect(err.details).toContain("node integration-tests failed");
  expect(err.details).toContain("3 of 120");
});

test("mode report returns a failed run instead of failing the step", async () => {
  const res = await engine.read(host, urn("gate"), ids.fail, props({ requireStatus: "success", mode: "report" }));
  expect(res.props).toMatchObject({ status: "fail", succeeded: false, failedNodeNames: ["integration-tests"] });
});

test("a run that is not final fails a status gate closed", async () => {
  const err = await engine.read(host, urn("gate"), ids.running, props({ requireStatus: "success" })).catch((e) => e);
  expect(err.details).toMatch(/FGS_GATE_TIMEOUT|running/);
});

test("refresh-shaped Read (properties = prior outputs) reads again by ID", async () => {
  const first = await engine.read(host, urn("gate"), ids.success, props({}));
  const again = await engine.read(host, urn("gate"), ids.success, first.props, props({}));
  expect(again.props.status).toBe("success");
  expect(again.props.workflowId).toBe(SCENARIO_IDS.workflow);
});

test("inputs the constructor could not check are checked by Read, without echoing values", async () => {
  const err = await engine.read(host, urn("gate"), ids.success, props({ region: "Not A Region!" })).catch((e) => e);
  expect(err.code).toBe(2);
  expect(err.details).toMatch(/region/);
});

test("Check and Diff behave for a registration (never sent for reads)", async () => {
  const bad = await engine.check(host, urn("gate"), {}, props({ executionId: "a/b" }));
  expect(bad.failures.map((f) => f.property)).toEqual(["executionId"]);
  const ok = await engine.check(host, urn("gate"), {}, props({ executionId: ids.success }));
  expect(ok.failures).toEqual([]);
  const olds = (await engine.read(host, urn("gate"), ids.success, props({ executionId: ids.success }))).props;
  expect(await engine.diff(host, urn("gate"), ids.success, olds, props({ executionId: ids.success }))).toEqual({ changes: "DIFF_NONE", replaces: [] });
  expect((await engine.diff(host, urn("gate"), ids.success, olds, props({ executionId: ids.fail }))).replaces).toEqual(["executionId"]);
});

test("the credentials reached the emulator only through the host's environment, and the host never printed them", () => {
  const signed = emulator.requests.filter((r) => r.status === 200);
  expect(signed.length).toBeGreaterThan(0);
  expect(signed.every((r) => (r.headers.authorization ?? "").includes(`Access=${emulator.credentials.accessKey}`))).toBe(true);
  expect(host.output()).not.toContain(emulator.credentials.secretKey);
});
