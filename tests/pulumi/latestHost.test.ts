/**
 * Engine level: the real dynamic-provider host from @pulumi/pulumi, driven over gRPC the way the engine
 * drives it for LatestWorkflowExecution (Configure, then Read by the synthetic ID; refresh-shaped Reads),
 * running the provider text serialized by the SDK, against the emulator with several runs per workflow.
 *
 * What the engine does with the ID a Read returns (pkg/resource/deploy/step.go): ReadStep stores it as
 * the resource's ID when it is not empty, and RefreshStep sends the stored ID back to Read. The SDK, in
 * turn, resolves the program's `resource.id` to the ID it asked for (runtime/resource.js readResource).
 * So these tests pin down that Read answers with the synthetic ID it was given, never the run's ID.
 */
import { LATEST_WORKFLOW_EXECUTION_TYPE } from "../../provider/pulumi/latestResource";
import { latestWorkflowExecutionProvider } from "../../provider/pulumi/provider";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import {
  AMBIGUOUS_NAME,
  FLAKY,
  NIGHTLY,
  PAYLOAD_SECRET,
  QUIET,
  RELEASE,
  connection,
  startLatestEmulator,
  type LatestEmulator,
} from "./harness/latestScenario";
import { secretValue } from "./harness/proto";
import { serializeProvider, type SerializedProvider } from "./harness/serialize";

let emulator: LatestEmulator;
let host: ProviderHost;
let provider: SerializedProvider;
const extraHosts: ProviderHost[] = [];
const urn = (name: string) => engine.urnOf(LATEST_WORKFLOW_EXECUTION_TYPE, name);
/** The props the SDK sends for `new LatestWorkflowExecution(name, args)`: the inputs plus `__provider`. */
const props = (extra: Record<string, unknown>) => ({ ...connection(emulator), ...extra, __provider: provider.text });

type RpcError = Error & { code: number; details: string };
const rpcError = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error("expected an RPC error")), (e: RpcError) => e);

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startLatestEmulator();
  provider = await serializeProvider(latestWorkflowExecutionProvider);
  const env = cleanEnv({ HW_ACCESS_KEY: emulator.credentials.accessKey, HW_SECRET_KEY: emulator.credentials.secretKey, PULUMI_NODEJS_PROJECT: "fgs-gate-test" });
  host = await startHost({ cwd: REPO_ROOT, env });
  await engine.configure(host, { "fgs-gate-test:workflowName": RELEASE.name });
});
afterAll(async () => {
  host?.kill();
  extraHosts.forEach((h) => h.kill());
  await emulator?.close();
});
// Appearing runs count list calls: every test starts from the emulator's first state.
beforeEach(() => emulator.reset());

test("the serialized provider is small, needs no secret and holds no credential", () => {
  console.log(`serialized LatestWorkflowExecution __provider: ${provider.bytes} bytes (serialized in ${provider.ms} ms)`);
  const coverage = (globalThis as { __coverage__?: unknown }).__coverage__ !== undefined;
  if (!coverage) expect(provider.bytes).toBeLessThanOrEqual(32 * 1024);
  expect(provider.containsSecrets).toBe(false);
  expect(provider.text).not.toContain(emulator.credentials.accessKey);
  expect(provider.text).not.toContain(emulator.credentials.secretKey);
  expect(provider.text).toContain('"fgs-workflow-gate/runtime"');
  expect(provider.text).toContain("readLatestForProvider");
  expect(provider.text).not.toMatch(/ajv|node-fetch|dist\/provider/);
});

test("Read by name: the newest run's real executionId is an output, the ID stays the synthetic one", async () => {
  const started = Date.now();
  const res = await engine.read(host, urn("gate"), "latest:name:release-checks", props({ workflowName: RELEASE.name, requireStatus: "success" }));
  console.log(`host: first LatestWorkflowExecution Read answered in ${Date.now() - started} ms`);
  expect(res.id).toBe("latest:name:release-checks");
  expect(res.props).toMatchObject({
    workflowName: RELEASE.name,
    workflowId: RELEASE.id,
    executionId: RELEASE.newest,
    requireStatus: "success",
    status: "success",
    succeeded: true,
    failedNodeNames: [],
    urnParts: { workflowName: RELEASE.name },
    __provider: provider.text,
  });
  // Payloads only in their own (secret) outputs; nodes carry names, statuses and times only.
  expect(JSON.stringify(res.props.nodes)).not.toContain(PAYLOAD_SECRET);
  expect(res.props.input).toMatchObject({ token: PAYLOAD_SECRET });
  expect(JSON.stringify(res.props.nodePayloads)).toContain(PAYLOAD_SECRET);
  // Each list is read up to the empty page that ends it.
  const routes = emulator.requests.map((r) => r.route);
  expect(routes).toEqual(["listWorkflows", "listWorkflows", "listExecutions", "listExecutions", "showExecution"]);
});

test("Read by workflow ID with a status filter: the newest failed run", async () => {
  const res = await engine.read(host, urn("gate"), `latest:id:${RELEASE.id}`, props({ workflowId: RELEASE.id, statusFilter: "fail" }));
  expect(res.id).toBe(`latest:id:${RELEASE.id}`);
  expect(res.props).toMatchObject({ executionId: RELEASE.newestFail, status: "fail", statusFilter: "fail" });
});

test("a newer run appearing between two reads is picked up by the second read, under the same ID", async () => {
  const id = `latest:id:${NIGHTLY.id}`;
  const first = await engine.read(host, urn("nightly"), id, props({ workflowId: NIGHTLY.id }));
  const second = await engine.read(host, urn("nightly"), id, props({ workflowId: NIGHTLY.id }));
  expect([first.props.executionId, second.props.executionId]).toEqual([NIGHTLY.first, NIGHTLY.appearing]);
  expect([first.id, second.id]).toEqual([id, id]);
});

test("refresh-shaped Read (properties = prior outputs) looks again, by name, instead of pinning the old run", async () => {
  const id = "latest:name:nightly";
  const inputs = props({ workflowName: NIGHTLY.name });
  const up = await engine.read(host, urn("nightly"), id, inputs);
  expect(up.props).toMatchObject({ executionId: NIGHTLY.first, workflowId: NIGHTLY.id });
  emulator.requests.length = 0;
  // What `pulumi refresh` sends: the stored ID, the prior outputs as state and the prior inputs.
  const refreshed = await engine.read(host, urn("nightly"), up.id, up.props, inputs);
  expect(refreshed.id).toBe(id);
  expect(refreshed.props).toMatchObject({ executionId: NIGHTLY.appearing, workflowName: NIGHTLY.name, workflowId: NIGHTLY.id });
  // Still a lookup by name (the resolved workflowId in the prior outputs did not turn it into one by ID).
  expect(emulator.requests.map((r) => r.route)).toEqual(["listWorkflows", "listWorkflows", "listExecutions", "listExecutions", "showExecution"]);
});

test("a failed gate on the latest run is an RPC error that names the run, the node and its error", async () => {
  const err = await rpcError(engine.read(host, urn("gate"), "latest:name:flaky-checks", props({ workflowName: FLAKY.name, requireStatus: "success" })));
  expect(err.code).toBe(2);
  expect(err.details).toContain(FLAKY.newest);
  expect(err.details).toContain(`node ${FLAKY.failedNode} failed`);
  expect(err.details).toContain("3 of 120 tests failed");
  expect(err.details).not.toContain(PAYLOAD_SECRET);
});

test("mode report returns a failed latest run instead of failing the step", async () => {
  const res = await engine.read(host, urn("gate"), "latest:name:flaky-checks", props({ workflowName: FLAKY.name, requireStatus: "success", mode: "report" }));
  expect(res.props).toMatchObject({ executionId: FLAKY.newest, status: "fail", failedNodeNames: [FLAKY.failedNode] });
});

test("unknown, ambiguous names and an empty window fail the Read clearly", async () => {
  const unknown = await rpcError(engine.read(host, urn("gate"), "latest:name:release-check", props({ workflowName: "release-check" })));
  expect(unknown.details).toMatch(/No workflow named "release-check"/);
  const ambiguous = await rpcError(engine.read(host, urn("gate"), "latest:name:deploy", props({ workflowName: AMBIGUOUS_NAME })));
  expect(ambiguous.details).toMatch(/2 workflows are named "deploy"/);
  const empty = await rpcError(engine.read(host, urn("gate"), "latest:name:quiet", props({ workflowName: QUIET.name })));
  expect(empty.details).toMatch(/No execution of workflow quiet/);
});

test("inputs the constructor could not check are checked by Read, before any request", async () => {
  const err = await rpcError(engine.read(host, urn("gate"), `latest:id:${RELEASE.id}`, props({ workflowId: RELEASE.id, statusFilter: "scheduled" })));
  expect(err.details).toMatch(/statusFilter/);
  expect(emulator.requests).toHaveLength(0);
});

test("the credentials reached the emulator only through the host's environment, and the host never printed them", async () => {
  await engine.read(host, urn("gate"), `latest:id:${RELEASE.id}`, props({ workflowId: RELEASE.id }));
  expect(emulator.requests.length).toBeGreaterThan(0);
  expect(emulator.requests.every((r) => (r.headers.authorization ?? "").includes(`Access=${emulator.credentials.accessKey}`))).toBe(true);
  expect(host.output()).not.toContain(emulator.credentials.secretKey);
});

test("with no credential in the environment: signs with what Configure gave, or fails before any request", async () => {
  const configured = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  const bare = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  extraHosts.push(configured, bare);
  await engine.configure(configured, {
    "huaweicloud:accessKey": secretValue(emulator.credentials.accessKey),
    "huaweicloud:secretKey": secretValue(emulator.credentials.secretKey),
  });
  const res = await engine.read(configured, urn("gate"), "latest:name:release-checks", props({ workflowName: RELEASE.name }));
  expect(res.props.executionId).toBe(RELEASE.newest);
  const state = JSON.stringify(res.props);
  expect(state).not.toContain(emulator.credentials.accessKey);
  expect(state).not.toContain(emulator.credentials.secretKey);
  expect(configured.output()).not.toContain(emulator.credentials.secretKey);

  await engine.configure(bare, {});
  emulator.requests.length = 0;
  const err = await rpcError(engine.read(bare, urn("gate"), "latest:name:release-checks", props({ workflowName: RELEASE.name })));
  expect(err.code).toBe(2);
  expect(err.details).toMatch(/credential|accessKey|HW_ACCESS_KEY/i);
  expect(emulator.requests).toHaveLength(0);
});
