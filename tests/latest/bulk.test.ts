/**
 * Paging over many runs: 1,000 executions served in the emulator's deliberately non-chronological order
 * (sorted by SHA-256 of the execution ID), the newest placed in the middle of page 3.
 */
import { createHash } from "node:crypto";
import type { RunningEmulator, Scenario, ScenarioExecution } from "../../emulator";
import { isConfigurationError } from "../../provider/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { connection, counts, quietContext, start } from "./helpers";

const N = 1000;
const orderKey = (id: string) => createHash("sha256").update(id).digest("hex");
const ids = Array.from({ length: N }, (_, i) => `bulk-${String(i).padStart(4, "0")}`);
/** The order the emulator serves them in. */
const served = [...ids].sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));
const NEWEST = served[500] as string; // page 3 holds positions 400..599
const minutesAgo = new Map(ids.map((id, i) => [id, id === NEWEST ? 1 : 2 + i]));
const statusOf = (id: string) => (id === NEWEST ? "success" : Number(id.slice(5)) % 3 === 0 ? "fail" : "success");

function scenario(): Scenario {
  const runs: ScenarioExecution[] = ids.map((id) => ({
    id,
    status: statusOf(id),
    beginTime: `-${minutesAgo.get(id)}m`,
    endTime: `-${(minutesAgo.get(id) as number) - 0.5}m`,
  }));
  // Three runs in the same second: the one updated last wins the tie, whatever the order.
  const tie = ["tie-a", "tie-b", "tie-c"].map((id, i) => ({ id, status: "success" as const, beginTime: "-3h", endTime: `-${170 - i * 5}m` }));
  return {
    projectId: "b1b2c3d4e5f60718293a4b5c6d7e8f90",
    region: "cn-north-4",
    workflows: [
      { id: "wf-bulk", name: "bulk", executions: runs },
      { id: "wf-tie", name: "tie", executions: [tie[1], tie[2], tie[0]] as ScenarioExecution[] },
    ],
  };
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start(scenario());
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

test("finds the newest of 1,000 runs in the middle of page 3: 6 list requests, 1 read", async () => {
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-bulk" }, quietContext());
  expect(e.executionId).toBe(NEWEST);
  // 5 full pages, then the empty page that shows the end.
  const offsets = emu.requests.filter((r) => r.route === "listExecutions").map((r) => r.query.offset);
  expect(offsets).toEqual(["0", "200", "400", "600", "800", "1000"]);
  expect(counts(emu)).toEqual({ listExecutions: 6, showExecution: 1 });
});

test("status filter over 1,000 runs: the newest failed run", async () => {
  const fails = ids.filter((id) => statusOf(id) === "fail");
  const expected = fails.reduce((a, b) => ((minutesAgo.get(a) as number) < (minutesAgo.get(b) as number) ? a : b));
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-bulk", status: "fail" }, quietContext());
  expect(e.executionId).toBe(expected);
  expect(e.status).toBe("fail");
  // 333 failed runs: pages of 200 and 133, then the empty page (a short page is not taken as the end).
  expect(counts(emu)).toEqual({ listExecutions: 3, showExecution: 1 });
});

test("the page cap stops a window with too many runs", async () => {
  const err = await getLatestWorkflowExecution(
    { ...connection(emu), workflowId: "wf-bulk" },
    quietContext({ executionPaging: { limit: 200, maxPages: 3 } }),
  ).catch((e: unknown) => e);
  expect(isConfigurationError(err)).toBe(true);
  expect((err as Error).message).toMatch(/More than 600 executions of workflow wf-bulk in the window \(3 pages of 200\)/);
  expect(counts(emu)).toEqual({ listExecutions: 3 });
});

test("ties in the begin second go to the run updated last", async () => {
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "tie" }, quietContext());
  expect(e.executionId).toBe("tie-c");
});

test("requests and wall time of a lookup over 1,000 runs", async () => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    emu.reset();
    const t0 = process.hrtime.bigint();
    await getLatestWorkflowExecution({ ...connection(emu), workflowName: "bulk" }, quietContext());
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  expect(counts(emu)).toEqual({ listWorkflows: 2, listExecutions: 6, showExecution: 1 });
  times.sort((a, b) => a - b);
  if (process.env.LATEST_BENCH) {
    console.log(`lookup by name over ${N} runs: 9 requests; wall time median ${times[2]?.toFixed(1)} ms (min ${times[0]?.toFixed(1)}, max ${times[4]?.toFixed(1)})`);
  }
});
