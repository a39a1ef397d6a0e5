/** Runs that progress: after N polls, after T seconds, partial node states, and what counts as a poll. */
import { SCENARIO_IDS, startEmulator, type RunningEmulator, type Scenario } from "../../emulator";
import { exchange, getExecution, manualClock, paths } from "./helpers";

const { workflow, executions: X } = SCENARIO_IDS;
const clock = manualClock();
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const poll = async (id: string, wf = workflow, target = emu) => (await getExecution(target, wf, id, { full: true, date: new Date(clock.now()) })).json();
const nodeStates = (body: any) => body.node_execution_details.map((n: any) => `${n.node_name}:${n.executions.at(-1).status}`);

test("running → success after 2 polls, with partial nodes until then", async () => {
  for (const _ of [1, 2]) {
    const body = await poll(X.progressToSuccess);
    expect(body.status).toBe("running");
    expect(body.end_time).toBe("");
    expect(nodeStates(body)).toEqual(["build:success", "unit-tests:success", "integration-tests:running"]);
  }
  const final = await poll(X.progressToSuccess);
  expect(final.status).toBe("success");
  expect(final.end_time).not.toBe("");
  expect(nodeStates(final)).toEqual(["build:success", "unit-tests:success", "integration-tests:success", "deploy-canary:success"]);
  expect((await poll(X.progressToSuccess)).status).toBe("success");
});

test("running → fail after 2 polls, with the failing node's error", async () => {
  await poll(X.progressToFail);
  await poll(X.progressToFail);
  const final = await poll(X.progressToFail);
  expect(final.status).toBe("fail");
  const it = final.node_execution_details.find((n: any) => n.node_name === "integration-tests");
  expect(it.executions[0].error_message).toEqual({ error_code: "FSS.1051", error_msg: "integration tests failed: 3 of 120" });
});

test("poll counters are per execution", async () => {
  await poll(X.progressToSuccess);
  await poll(X.progressToSuccess);
  expect((await poll(X.progressToFail)).status).toBe("running");
});

test("running → success after 10 s of emulator time; reset() restarts the clock", async () => {
  expect((await poll(X.progressAfterSeconds)).status).toBe("running");
  clock.advance(9_999);
  expect((await poll(X.progressAfterSeconds)).status).toBe("running");
  clock.advance(1);
  const done = await poll(X.progressAfterSeconds);
  expect(done.status).toBe("success");
  expect(nodeStates(done)).toEqual(["build:success", "unit-tests:success", "integration-tests:success", "deploy-canary:success"]);
  emu.reset();
  expect((await poll(X.progressAfterSeconds)).status).toBe("running");
});

test("the list API shows the progressed status too", async () => {
  const listed = async () =>
    (await exchange(emu, { path: paths.executions(emu, workflow), date: new Date(clock.now()) })).json().executions.find((e: any) => e.execution_id === X.progressToSuccess);
  expect((await listed()).status).toBe("running");
  await poll(X.progressToSuccess);
  expect((await listed()).status).toBe("running");
  expect((await listed()).status).toBe("running"); // listing does not count as a poll
  expect((await poll(X.progressToSuccess)).status).toBe("running");
  // Two polls answered: the list shows what the next read will see.
  expect((await listed()).status).toBe("success");
  expect((await poll(X.progressToSuccess)).status).toBe("success");
});

describe("faulted requests are attempts but not polls", () => {
  const scenario: Scenario = {
    projectId: "p1",
    region: "cn-north-4",
    workflows: [
      {
        id: "w1",
        name: "wf",
        executions: [
          {
            id: "e1",
            status: "running",
            beginTime: "-1m",
            nodes: [{ id: "n1", name: "only", executions: [{ status: "running", beginTime: "-1m" }] }],
            faults: [{ attempts: [1, 3], kind: "status", status: 503 }, { attempts: 2, kind: "delay", delayHeadersMs: 1 }],
            progress: [
              { afterPolls: 1, status: "running", nodes: [{ id: "n2", name: "second", executions: [{ status: "running", beginTime: "now" }] }] },
              { afterPolls: 2, status: "success", endTime: "now" },
            ],
          },
        ],
      },
    ],
  };

  test("503, delayed 200 (poll 1), 503, 200 (poll 2, stage 1), 200 (stage 2)", async () => {
    const small = await startEmulator({ scenario });
    try {
      const get = () => getExecution(small, "w1", "e1");
      expect((await get()).status).toBe(503);
      const first = (await get()).json();
      expect(first.node_execution_details.map((n: any) => n.node_name)).toEqual(["only"]);
      expect((await get()).status).toBe(503);
      const second = (await get()).json();
      expect(second.status).toBe("running");
      expect(second.node_execution_details.map((n: any) => n.node_name)).toEqual(["only", "second"]);
      expect((await get()).json().status).toBe("success");
    } finally {
      await small.close();
    }
  });
});
