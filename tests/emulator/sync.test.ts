/** StartSyncWorkflowExecution: express workflows only, answered with the run's final state, never persisted. */
import { ROUTES, SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { getExecution, startRun } from "./helpers";

const { expressWorkflow, workflow, runTemplates } = SCENARIO_IDS;
const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

const sync = (input: Record<string, unknown>, headers?: Record<string, unknown>) =>
  startRun(emu, expressWorkflow, headers ? { input, headers } : { input }, { sync: true });

test("success: status, output, no errors, both times, and the run is not readable afterwards", async () => {
  const res = await sync({ scenario: runTemplates.success, n: 1 });
  expect(res.status).toBe(200);
  const body = res.json();
  expect(Object.keys(body)).toEqual(["execution_id", "status", "output", "errors", "begin_time", "end_time"]);
  expect(body).toMatchObject({ status: "success", output: { result: "passed" }, errors: [] });
  expect(body.begin_time).toMatch(API_TIME);
  expect(body.end_time).toMatch(API_TIME);
  expect(emu.runs).toEqual([expect.objectContaining({ executionId: body.execution_id, sync: true, persisted: false, input: { scenario: "success", n: 1 } })]);
  expect(emu.countRequests({ route: ROUTES.startSyncExecution })).toBe(1);
  expect(emu.requests[0]?.executionId).toBe(body.execution_id);
  expect((await getExecution(emu, expressWorkflow, body.execution_id)).status).toBe(404);
});

test("fail: each failed node with its error message as JSON text and its times", async () => {
  const body = (await sync({ scenario: runTemplates.failAtIntegration })).json();
  expect(body.status).toBe("fail");
  expect(body.errors).toEqual([
    {
      node_id: "node-integration-tests",
      error_message: JSON.stringify({ error_code: "FSS.1051", error_msg: "integration tests failed: 3 of 120" }),
      begin_time: expect.stringMatching(API_TIME),
      end_time: expect.stringMatching(API_TIME),
    },
  ]);
});

test("timeout, and a run that never ends, both answer timeout", async () => {
  expect((await sync({ scenario: runTemplates.timeout })).json()).toMatchObject({ status: "timeout", errors: [expect.objectContaining({ node_id: "node-integration-tests" })] });
  expect((await sync({ scenario: runTemplates.runForever })).json()).toMatchObject({ status: "timeout", errors: [] });
});

test("a time-based template answers its final state at once", async () => {
  expect((await sync({ scenario: runTemplates.successAfter10s })).json().status).toBe("success");
});

test("a standard workflow refuses sync-executions with 400 and starts nothing", async () => {
  const res = await startRun(emu, workflow, { input: {} }, { sync: true });
  expect(res.status).toBe(400);
  expect(res.json()).toEqual({
    error_code: "FSS.0400",
    error_msg: `workflow ${workflow} is not an express workflow: sync-executions serves express workflows only`,
    request_id: res.headers["x-request-id"],
  });
  expect(emu.runs).toEqual([]);
});

test("an asynchronous start of an express workflow is accepted but its run cannot be read", async () => {
  const res = await startRun(emu, expressWorkflow, { input: {} });
  expect(res.status).toBe(200);
  expect(emu.runs[0]).toMatchObject({ sync: false, persisted: false });
  expect((await getExecution(emu, expressWorkflow, res.json().execution_id)).status).toBe(404);
});

test("the body is checked as for asynchronous starts", async () => {
  const res = await startRun(emu, expressWorkflow, { headers: {} }, { sync: true });
  expect(res.status).toBe(400);
  expect(res.json().error_msg).toBe("input is required and must be a JSON object");
});
