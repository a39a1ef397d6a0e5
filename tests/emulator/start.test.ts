/** StartWorkflowExecution: signed POSTs create runs from templates, which then progress, list and count. */
import { ROUTES, SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { signRequest } from "../../provider/api/signer";
import { exchange, getExecution, paths, startRun } from "./helpers";

const { workflow, runTemplates } = SCENARIO_IDS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

async function read(executionId: string) {
  const res = await getExecution(emu, workflow, executionId, { full: true });
  expect(res.status).toBe(200);
  return res.json();
}

test("a start answers {execution_id}, records the run and the request once, and the run reads back with its input", async () => {
  const input = { scenario: runTemplates.success, commit: "4f9d2c1" };
  const res = await startRun(emu, workflow, { input, headers: { "X-Trigger": "ci" } });
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("application/json");
  const { execution_id: id, ...rest } = res.json();
  expect(id).toMatch(UUID);
  expect(rest).toEqual({});

  expect(emu.countRequests({ route: ROUTES.startExecution, workflowId: workflow })).toBe(1);
  expect(emu.countRequests({ method: "POST" })).toBe(1);
  expect(emu.requests[0]).toMatchObject({ route: ROUTES.startExecution, executionId: id, status: 200, body: JSON.stringify({ input, headers: { "X-Trigger": "ci" } }) });
  expect(emu.runs).toEqual([
    { executionId: id, workflowId: workflow, template: "success", sync: false, persisted: true, input, headers: { "X-Trigger": "ci" }, startedAt: expect.any(Number) },
  ]);

  const body = await read(id);
  expect(body).toMatchObject({ workflow_id: workflow, execution_id: id, status: "running", input, headers: { "X-Trigger": "ci" }, end_time: "" });
  expect(body.node_execution_details.map((n: { node_name: string }) => n.node_name)).toEqual(["build", "unit-tests"]);
});

test("without input.scenario the run uses the success template; it progresses on polls like scenario runs", async () => {
  const id = (await startRun(emu, workflow, { input: {} })).json().execution_id;
  expect(emu.runs[0]?.template).toBe("success");
  expect((await read(id)).status).toBe("running");
  expect((await read(id)).status).toBe("running");
  const done = await read(id);
  expect(done.status).toBe("success");
  expect(done.end_time).not.toBe("");
  expect(done.node_execution_details.map((n: { node_name: string }) => n.node_name)).toEqual(["build", "unit-tests", "integration-tests", "deploy-canary"]);
});

test("fail-at-integration: the third read fails on integration-tests with its error", async () => {
  const id = (await startRun(emu, workflow, { input: { scenario: runTemplates.failAtIntegration } })).json().execution_id;
  await read(id);
  await read(id);
  const body = await read(id);
  expect(body.status).toBe("fail");
  const failed = body.node_execution_details.find((n: { node_name: string }) => n.node_name === "integration-tests");
  expect(failed.executions[0]).toMatchObject({ status: "fail", error_message: { error_code: "FSS.1051", error_msg: "integration tests failed: 3 of 120" } });
});

test("started runs are listed with the workflow's other runs, and reset() forgets them", async () => {
  const id = (await startRun(emu, workflow, { input: { scenario: runTemplates.runForever } })).json().execution_id;
  const list = await exchange(emu, { path: paths.executions(emu, workflow), query: { status: "running" } });
  expect(list.json().executions.map((e: { execution_id: string }) => e.execution_id)).toContain(id);
  emu.reset();
  expect(emu.runs).toEqual([]);
  expect((await getExecution(emu, workflow, id)).status).toBe(404);
});

test("two starts are two runs", async () => {
  const a = (await startRun(emu, workflow, { input: {} })).json().execution_id;
  const b = (await startRun(emu, workflow, { input: {} })).json().execution_id;
  expect(a).not.toBe(b);
  expect(emu.runs.map((r) => r.executionId)).toEqual([a, b]);
  expect(emu.countRequests({ route: ROUTES.startExecution })).toBe(2);
});

test("an unknown workflow or project is 404 FSS.0404 and starts nothing", async () => {
  const unknown = await startRun(emu, "no-such-workflow", { input: {} });
  expect(unknown.status).toBe(404);
  expect(unknown.json()).toEqual({ error_code: "FSS.0404", error_msg: "workflow no-such-workflow does not exist" });
  const project = await exchange(emu, { method: "POST", path: `/v2/otherproject/fgs/workflows/${workflow}/executions`, body: '{"input":{}}' });
  expect(project.status).toBe(404);
  expect(emu.runs).toEqual([]);
});

describe("the body: 400 FSS.0400 naming the problem, and no run", () => {
  test.each([
    ["not JSON", "{input:", "The request body is not valid JSON"],
    ["an array", "[]", "The request body must be a JSON object"],
    ["no input", "{}", "input is required and must be a JSON object"],
    ["input not an object", '{"input":"x"}', "input is required and must be a JSON object"],
    ["input null", '{"input":null}', "input is required and must be a JSON object"],
    ["headers not an object", '{"input":{},"headers":[]}', "headers must be a JSON object"],
    ["an unknown field", '{"input":{},"inputs":{}}', "Unknown field in the request body: inputs (allowed: input, headers)"],
    ["an unknown template", '{"input":{"scenario":"nope"}}', expect.stringContaining("input.scenario must name one of the emulator's run templates (success, fail-at-integration,")],
    ["a template that is not a string", '{"input":{"scenario":1}}', expect.stringContaining("input.scenario must name")],
  ])("%s", async (_what, body, message) => {
    const res = await startRun(emu, workflow, body);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ error_code: "FSS.0400", error_msg: message, request_id: res.headers["x-request-id"] });
    expect(emu.runs).toEqual([]);
  });

  test("a Content-Type other than application/json", async () => {
    const res = await startRun(emu, workflow, { input: {} }, { headers: { "content-type": "text/plain", "x-project-id": emu.projectId } });
    expect(res.status).toBe(400);
    expect(res.json().error_msg).toBe("Content-Type must be application/json");
    const charset = await startRun(emu, workflow, { input: {} }, { headers: { "content-type": "application/json;charset=UTF-8", "x-project-id": emu.projectId } });
    expect(charset.status).toBe(200);
  });
});

describe("the signature covers the body", () => {
  test("unsigned: 401 and no run", async () => {
    expect((await startRun(emu, workflow, { input: {} }, { credentials: null })).status).toBe(401);
    expect(emu.runs).toEqual([]);
  });

  test("a body other than the signed one (same length): 401 and no run", async () => {
    const path = paths.executions(emu, workflow);
    const headers = { "content-type": "application/json", "x-project-id": emu.projectId };
    const signed = signRequest({ method: "POST", host: `127.0.0.1:${emu.port}`, path, headers, body: '{"input":{"n":1}}' }, emu.credentials, new Date());
    const res = await exchange(emu, { method: "POST", path, credentials: null, headers: { ...headers, ...signed.headers }, body: '{"input":{"n":2}}' });
    expect(res.status).toBe(401);
    expect(emu.requests[0]?.authFailure).toContain("signature mismatch");
    expect(emu.runs).toEqual([]);
  });
});
