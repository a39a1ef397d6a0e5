/** Terminating runs: an empty 200, the run frozen and cancelled; ended, raw and unknown runs refused. */
import { ROUTES, SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { exchange, getExecution, manualClock, paths, startRun, terminateRun } from "./helpers";

const { workflow, executions, runTemplates } = SCENARIO_IDS;
const clock = manualClock();
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now });
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

const at = (): Date => new Date(clock.now());
const read = async (id: string) => (await getExecution(emu, workflow, id, { full: true, date: at() })).json();
const start = async (scenario: string): Promise<string> => (await startRun(emu, workflow, { input: { scenario } }, { date: at() })).json().execution_id;

test("a running started run: empty 200, then cancel at the terminate time with its running node cancelled", async () => {
  const id = await start(runTemplates.runForever);
  clock.advance(5000);
  const res = await terminateRun(emu, workflow, id, { date: at() });
  expect(res.status).toBe(200);
  expect(res.body.length).toBe(0);
  expect(res.headers["content-length"]).toBe("0");
  const stoppedAt = clock.now();
  clock.advance(60_000);

  const body = await read(id);
  expect(body.status).toBe("cancel");
  expect(Date.parse(body.end_time)).toBe(stoppedAt);
  expect(body.last_update_time).toBe(body.end_time);
  const nodes = body.node_execution_details.map((n: { node_name: string; executions: Array<{ status: string; end_time: number }> }) => [n.node_name, n.executions[0]!.status, n.executions[0]!.end_time]);
  expect(nodes).toEqual([
    ["build", "success", clock.now() - 65_000],
    ["unit-tests", "success", clock.now() - 65_000],
    ["integration-tests", "cancel", stoppedAt],
  ]);
  expect(emu.runs[0]?.terminatedAt).toBe(stoppedAt);
  expect(emu.countRequests({ route: ROUTES.terminateExecution, executionId: id })).toBe(1);
});

test("progress stops where the run was: a run terminated before its stage never succeeds", async () => {
  const id = await start(runTemplates.successAfter10s);
  await terminateRun(emu, workflow, id, { date: at() });
  clock.advance(20_000);
  expect((await read(id)).status).toBe("cancel");
});

test("a scenario run can be terminated too, and shows as cancelled in lists", async () => {
  expect((await terminateRun(emu, workflow, executions.running, { date: at() })).status).toBe(200);
  expect((await read(executions.running)).status).toBe("cancel");
  const list = await exchange(emu, { path: paths.executions(emu, workflow), query: { status: "cancel" }, date: at() });
  expect(list.json().executions.map((e: { execution_id: string }) => e.execution_id)).toContain(executions.running);
});

test("a run that has ended (or was already terminated) is refused with 400 FSS.0400", async () => {
  const ended = await terminateRun(emu, workflow, executions.success, { date: at() });
  expect(ended.status).toBe(400);
  expect(ended.json()).toEqual({ error_code: "FSS.0400", error_msg: `execution ${executions.success} has already ended with status success`, request_id: ended.headers["x-request-id"] });
  const id = await start(runTemplates.runForever);
  expect((await terminateRun(emu, workflow, id, { date: at() })).status).toBe(200);
  const again = await terminateRun(emu, workflow, id, { date: at() });
  expect(again.status).toBe(400);
  expect(again.json().error_msg).toBe(`execution ${id} has already ended with status cancel`);
});

test("a started run that finished on its own is refused", async () => {
  const id = await start(runTemplates.success);
  for (let i = 0; i < 3; i++) await read(id);
  expect((await terminateRun(emu, workflow, id, { date: at() })).status).toBe(400);
});

test("unknown, hidden or another workflow's runs are 404; raw bodies are 400", async () => {
  for (const [wf, id] of [
    [workflow, "no-such-run"],
    [workflow, executions.appearing],
    [SCENARIO_IDS.workflowV2, executions.running],
  ] as const) {
    const res = await terminateRun(emu, wf, id, { date: at() });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error_code: "FSS.0404", error_msg: `execution ${id} does not exist` });
  }
  const raw = await terminateRun(emu, workflow, executions.rawInvalidStatus, { date: at() });
  expect(raw.status).toBe(400);
  expect(raw.json().error_msg).toContain("cannot terminate");
});

test("GET on the terminate path is 405 with Allow: POST", async () => {
  const res = await exchange(emu, { path: paths.terminate(emu, workflow, executions.running), date: at() });
  expect(res.status).toBe(405);
  expect(res.headers.allow).toBe("POST");
});
