/**
 * Engine level, credentials from stack config only: the host's environment has no credential, so the
 * provider can only sign with what `configure()` received (the engine sends the stack config, secrets
 * wrapped, in Configure). Without either, Read fails with a configuration error that names no value.
 */
import { WORKFLOW_EXECUTION_TYPE } from "../../provider/pulumi/resource";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, at, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { secretValue } from "./harness/proto";
import { serializeProvider } from "./harness/serialize";

let emulator: Emulator;
const hosts: ProviderHost[] = [];
let providerText: string;
const urn = engine.urnOf(WORKFLOW_EXECUTION_TYPE, "gate");

async function newHost(): Promise<ProviderHost> {
  const host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  hosts.push(host);
  return host;
}

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  providerText = (await serializeProvider()).text;
});
afterAll(async () => {
  hosts.forEach((h) => h.kill());
  await emulator?.close();
});

test("signs with the credentials given to Configure as stack config secrets", async () => {
  const host = await newHost();
  const answer = await engine.configure(host, {
    "huaweicloud:accessKey": secretValue(emulator.credentials.accessKey),
    "huaweicloud:secretKey": secretValue(emulator.credentials.secretKey),
    "fgs-gate-test:unrelated": "kept out of the provider",
  });
  // The host declines secrets, so the engine strips markers from later requests; no preview support.
  expect(answer).toEqual({ acceptSecrets: false, supportsPreview: false });
  const props = { ...at(emulator), requireStatus: "success", __provider: providerText };
  const res = await engine.read(host, urn, SCENARIO_IDS.executions.success, props);
  expect(res.props.status).toBe("success");
  const state = JSON.stringify(res.props);
  expect(state).not.toContain(emulator.credentials.accessKey);
  expect(state).not.toContain(emulator.credentials.secretKey);
  expect(host.output()).not.toContain(emulator.credentials.secretKey);
  const last = emulator.requests[emulator.requests.length - 1];
  expect(last.status).toBe(200);
  expect(last.headers.authorization).toContain(`Access=${emulator.credentials.accessKey}`);
});

test("without credentials in env or config, Read fails before any request and names no value", async () => {
  const host = await newHost();
  await engine.configure(host, {});
  const before = emulator.requests.length;
  const props = { ...at(emulator), __provider: providerText };
  const err = await engine.read(host, urn, SCENARIO_IDS.executions.success, props).catch((e) => e);
  expect(err.code).toBe(2);
  expect(err.details).toMatch(/credential|accessKey|HW_ACCESS_KEY/i);
  expect(emulator.requests.length).toBe(before);
});
