/**
 * Cross-check: requests signed by Huawei's official Node SDK (a devDependency) pass the emulator's
 * verification, so the emulator is not merely agreeing with our own signer.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { FunctionGraphClient, ListWorkflowExecutionsRequest, ShowWorkflowExecutionRequest } from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";

const TEMP = { accessKey: "TMPAKEXAMPLE0000TEMP", secretKey: "TemporarySecretKeyForTests00000000000001", securityToken: "gQpjbi1ub3J0aC00SECURITYTOKENEXAMPLE+/=" };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ credentials: [{ accessKey: "EMULATORDEMOAK000001", secretKey: "EmulatorDemoSecretKeyNotReal000000000001" }, TEMP] });
});
afterAll(() => emu.close());

function client(c: { accessKey: string; secretKey: string; securityToken?: string }): FunctionGraphClient {
  let credential = new BasicCredentials().withAk(c.accessKey).withSk(c.secretKey).withProjectId(emu.projectId);
  if (c.securityToken) credential = credential.withSecurityToken(c.securityToken);
  // customUserAgent keeps the SDK from writing ~/.huaweicloud/application_id.
  return FunctionGraphClient.newBuilder().withCredential(credential).withEndpoint(emu.url).withOptions({ customUserAgent: "emulator-test" }).build();
}

test("ShowWorkflowExecution with the full-history header, permanent and temporary credentials", async () => {
  for (const c of [emu.credentials, TEMP]) {
    const req = new ShowWorkflowExecutionRequest().withWorkflowId(SCENARIO_IDS.workflow).withExecutionId(SCENARIO_IDS.executions.fail).withXGetWorkflowFullHistoryData(true);
    const res = await client(c).showWorkflowExecution(req);
    expect(res.httpStatusCode).toBe(200);
    expect(res.status).toBe("fail");
  }
  expect(emu.requests.every((r) => r.status === 200)).toBe(true);
  expect(emu.requests.at(-1)!.headers["x-security-token"]).toBe(TEMP.securityToken);
});

test("ListWorkflowExecutions with query parameters", async () => {
  const req = new ListWorkflowExecutionsRequest().withWorkflowId(SCENARIO_IDS.workflow).withLimit(5).withStatus("success");
  const res = await client(emu.credentials).listWorkflowExecutions(req);
  expect(res.httpStatusCode).toBe(200);
  expect(res.executions).toHaveLength(5);
});
