/**
 * Cross-check: requests signed by Huawei's official Node SDK (a devDependency) pass the emulator's
 * verification, so the emulator is not merely agreeing with our own signer.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import {
  FlowExecuteBody,
  FunctionGraphClient,
  ListWorkflowExecutionsRequest,
  ShowWorkflowExecutionRequest,
  StartSyncWorkflowExecutionRequest,
  StartWorkflowExecutionRequest,
  StopWorkFlowRequest,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
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

test("StartWorkflowExecution, then StopWorkFlow: a signed POST with a JSON body, and one without a body", async () => {
  const body = new FlowExecuteBody().withInput({ scenario: SCENARIO_IDS.runTemplates.runForever, commit: "4f9d2c1" }).withHeaders({ "X-Trigger": "sdk" });
  const started = await client(emu.credentials).startWorkflowExecution(new StartWorkflowExecutionRequest().withWorkflowId(SCENARIO_IDS.workflow).withBody(body));
  expect(started.httpStatusCode).toBe(200);
  // The SDK hands back the raw snake_case JSON, whatever its declared getters say.
  const id = (started as unknown as { execution_id: string }).execution_id;
  expect(emu.runs.at(-1)).toMatchObject({ executionId: id, input: { scenario: "run-forever", commit: "4f9d2c1" }, headers: { "X-Trigger": "sdk" } });

  const stopped = await client(TEMP).stopWorkFlow(new StopWorkFlowRequest().withWorkflowId(SCENARIO_IDS.workflow).withExecutionId(id));
  expect(stopped.httpStatusCode).toBe(200);
  expect(emu.requests.slice(-2).map((r) => [r.route, r.status])).toEqual([["startExecution", 200], ["terminateExecution", 200]]);
});

test("StartSyncWorkflowExecution on the express workflow", async () => {
  const body = new FlowExecuteBody().withInput({ scenario: SCENARIO_IDS.runTemplates.failAtIntegration });
  const res = await client(emu.credentials).startSyncWorkflowExecution(new StartSyncWorkflowExecutionRequest().withWorkflowId(SCENARIO_IDS.expressWorkflow).withBody(body));
  expect(res.httpStatusCode).toBe(200);
  expect(res.status).toBe("fail");
  expect(res.errors?.[0]).toMatchObject({ node_id: "node-integration-tests" });
});
