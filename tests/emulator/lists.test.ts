/** ListWorkflows and ListWorkflowExecutions: fuzzy names, paging, filters, window, order, appearing runs. */
import { SCENARIO_IDS, startEmulator, type RunningEmulator, type Scenario } from "../../emulator";
import { exchange, manualClock, paths } from "./helpers";

const { workflow, executions: X } = SCENARIO_IDS;
const clock = manualClock();
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const list = (path: string, query: Record<string, string | string[]> = {}) => exchange(emu, { path, query, date: new Date(clock.now()) });
const ids = (res: Awaited<ReturnType<typeof list>>) => res.json().executions.map((e: any) => e.execution_id) as string[];
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("list workflows", () => {
  test("workflow_name is a contains match: both release-checks workflows, total and size", async () => {
    const body = (await list(paths.workflows(emu), { workflow_name: "release-checks" })).json();
    expect(body.total).toBe(2);
    expect(body.size).toBe(2);
    expect(body.workflows.map((w: any) => w.name)).toEqual(["release-checks", "release-checks-v2"]);
    expect(Object.keys(body.workflows[0])).toEqual(["id", "workflow_urn", "name", "description", "created_time", "updated_time", "created_by"]);
    expect(body.workflows[0]).toMatchObject({
      id: workflow,
      workflow_urn: `urn:fss:cn-north-4:${emu.projectId}:workflow:default:release-checks:latest`,
      created_time: iso(clock.now() - 90 * 86_400_000),
    });
    expect((await list(paths.workflows(emu), { workflow_name: "RELEASE-CHECKS-V" })).json().total).toBe(1);
    expect((await list(paths.workflows(emu), { workflow_name: "nothing" })).json()).toEqual({ total: 0, size: 0, workflows: [] });
  });

  test("paging with limit/offset; limit above 200 is 200; bad values are 400", async () => {
    expect((await list(paths.workflows(emu))).json().total).toBe(4);
    const page = (await list(paths.workflows(emu), { limit: "1", offset: "1" })).json();
    expect(page).toMatchObject({ total: 4, size: 1 });
    expect(page.workflows[0].name).toBe("release-checks-v2");
    expect((await list(paths.workflows(emu), { limit: "500" })).json().size).toBe(4);
    for (const query of [{ limit: "0" }, { limit: "abc" }, { offset: "-1" }] as Record<string, string>[]) {
      const res = await list(paths.workflows(emu), query);
      expect(res.status).toBe(400);
      expect(res.json().error_code).toBe("FSS.0400");
    }
  });
});

describe("list executions", () => {
  test("brief entries, no total, the default 3-day window", async () => {
    const res = await list(paths.executions(emu, workflow));
    expect(res.status).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(["executions"]);
    const got = ids(res);
    expect(got).toEqual(expect.arrayContaining([X.success, X.fail, X.older1d, X.older2d, X.running]));
    for (const hidden of [X.older4d, X.older10d, X.appearing, X.rawInvalidStatus]) expect(got).not.toContain(hidden);
    const entry = body.executions.find((e: any) => e.execution_id === X.success);
    expect(Object.keys(entry)).toEqual(["workflow_id", "workflow_urn", "execution_id", "status", "begin_time", "end_time", "last_update_time", "created_by"]);
    expect(entry).toMatchObject({ workflow_id: workflow, status: "success", begin_time: iso(clock.now() - 25 * 60_000) });
  });

  test("order is deterministic but not chronological", async () => {
    const first = (await list(paths.executions(emu, workflow))).json().executions;
    const again = (await list(paths.executions(emu, workflow))).json().executions;
    expect(again.map((e: any) => e.execution_id)).toEqual(first.map((e: any) => e.execution_id));
    const times = first.map((e: any) => Date.parse(e.begin_time));
    const newestFirst = [...times].sort((a, b) => b - a);
    const oldestFirst = [...times].sort((a, b) => a - b);
    expect(times).not.toEqual(newestFirst);
    expect(times).not.toEqual(oldestFirst);
  });

  test("paging covers every run exactly once", async () => {
    // Two list calls first, so that the run appearing after 2 calls does not show up mid-way.
    await list(paths.executions(emu, workflow));
    await list(paths.executions(emu, workflow));
    const all = ids(await list(paths.executions(emu, workflow)));
    const paged: string[] = [];
    for (let offset = 0; offset < all.length + 5; offset += 7) paged.push(...ids(await list(paths.executions(emu, workflow), { limit: "7", offset: String(offset) })));
    expect(paged).toEqual(all);
  });

  test("status filter", async () => {
    const res = await list(paths.executions(emu, workflow), { status: "fail" });
    const statuses = new Set(res.json().executions.map((e: any) => e.status));
    expect([...statuses]).toEqual(["fail"]);
    expect(ids(res)).toEqual(expect.arrayContaining([X.fail, X.older2d]));
  });

  test("start_time/end_time in both documented formats", async () => {
    const t = clock.now();
    const spaced = (ms: number) => iso(ms).replace("T", " ").replace("Z", "");
    const window = { start_time: iso(t - 5 * 86_400_000), end_time: iso(t - 3 * 86_400_000) };
    expect(ids(await list(paths.executions(emu, workflow), window))).toEqual([X.older4d]);
    const spacedWindow = { start_time: spaced(t - 11 * 86_400_000), end_time: spaced(t - 3 * 86_400_000) };
    expect(ids(await list(paths.executions(emu, workflow), spacedWindow)).sort()).toEqual([X.older10d, X.older4d].sort());
    // Only end_time: the window is the 3 days before it.
    expect(ids(await list(paths.executions(emu, workflow), { end_time: iso(t - 2 * 86_400_000 + 60_000) })).sort()).toEqual([X.older2d, X.older4d].sort());
  });

  test("bad parameters are 400 FSS.0400", async () => {
    for (const query of [
      { limit: "201" },
      { limit: "0" },
      { offset: "x" },
      { status: "paused" },
      { start_time: "2024-05-06T07:08:09" },
      { start_time: "2024-02-30 00:00:00" },
      { start_time: "2024-05-06T00:00:00Z", end_time: "2024-05-05T00:00:00Z" },
      { limit: ["1", "2"] },
    ] as Record<string, string | string[]>[]) {
      const res = await list(paths.executions(emu, workflow), query);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error_code: "FSS.0400", request_id: res.headers["x-request-id"] });
    }
  });

  test("unknown workflow or project: 404", async () => {
    expect((await list(paths.executions(emu, "nope"))).status).toBe(404);
    expect((await list(paths.executions({ ...emu, projectId: "other" }, workflow))).status).toBe(404);
  });

  test("each workflow lists its own runs", async () => {
    expect(ids(await list(paths.executions(emu, SCENARIO_IDS.workflowV2))).sort()).toEqual([SCENARIO_IDS.v2Executions.fail, SCENARIO_IDS.v2Executions.success].sort());
  });

  test("a run that appears after 2 list calls (404 until then)", async () => {
    const show = () => exchange(emu, { path: paths.execution(emu, workflow, X.appearing), date: new Date(clock.now()) });
    expect((await show()).status).toBe(404);
    expect(ids(await list(paths.executions(emu, workflow)))).not.toContain(X.appearing);
    expect(ids(await list(paths.executions(emu, workflow)))).not.toContain(X.appearing);
    expect((await show()).status).toBe(200);
    expect(ids(await list(paths.executions(emu, workflow)))).toContain(X.appearing);
    emu.reset();
    expect((await show()).status).toBe(404);
  });

  test("a run that appears after T seconds", async () => {
    const scenario: Scenario = {
      projectId: "p1",
      region: "cn-north-4",
      workflows: [{ id: "w", name: "wf", executions: [{ id: "late", status: "running", beginTime: "+30s", appearAfterSeconds: 30 }] }],
    };
    const c = manualClock();
    const small = await startEmulator({ scenario, now: c.now });
    try {
      const listIds = async () => (await exchange(small, { path: paths.executions(small, "w"), date: new Date(c.now()) })).json().executions.map((e: any) => e.execution_id);
      expect(await listIds()).toEqual([]);
      c.advance(30_000);
      expect(await listIds()).toEqual(["late"]);
    } finally {
      await small.close();
    }
  });
});
