/** The programmatic API: defaults, the request log, countRequests, reset() and close(). */
import { DEMO_CREDENTIALS, ROUTES, SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { exchange, getExecution, manualClock, paths } from "./helpers";

const { workflow, executions: X } = SCENARIO_IDS;

describe("defaults", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  test("listens on 127.0.0.1 with the default scenario and the demo credentials", () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
    expect(emu.port).toBeGreaterThan(0);
    expect(emu.projectId).toBe(SCENARIO_IDS.projectId);
    expect(emu.region).toBe(SCENARIO_IDS.region);
    expect(emu.credentials).toEqual(DEMO_CREDENTIALS);
  });

  test("every response has a unique X-Request-Id and a JSON content type", async () => {
    const responses = await Promise.all([
      getExecution(emu, workflow, X.success),
      exchange(emu, { path: "/nope", credentials: null }),
      exchange(emu, { path: paths.workflows(emu) }),
      getExecution(emu, workflow, "missing"),
    ]);
    const idsSeen = responses.map((r) => r.headers["x-request-id"]);
    expect(new Set(idsSeen).size).toBe(4);
    for (const r of responses) expect(r.headers["content-type"]).toBe("application/json");
  });
});

describe("request log, countRequests and reset", () => {
  const clock = manualClock();
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ now: clock.now });
  });
  afterAll(() => emu.close());

  test("records every request in order with its status, route and ids", async () => {
    emu.reset();
    await getExecution(emu, workflow, X.success, { full: true, date: new Date(clock.now()) });
    clock.advance(5);
    await exchange(emu, { path: paths.executions(emu, workflow), query: { limit: "5", status: ["a", "b"] }, date: new Date(clock.now()) });
    await exchange(emu, { path: "/v1/unknown", credentials: null });
    await getExecution(emu, workflow, X.success, { credentials: { ...DEMO_CREDENTIALS, secretKey: "bad" }, date: new Date(clock.now()) });
    expect(emu.requests.map((r) => [r.route, r.status])).toEqual([
      [ROUTES.showExecution, 200],
      [ROUTES.listExecutions, 400],
      [ROUTES.unknown, 404],
      [ROUTES.showExecution, 401],
    ]);
    const [first, second] = emu.requests;
    expect(first).toMatchObject({
      method: "GET",
      path: paths.execution(emu, workflow, X.success),
      query: {},
      executionId: X.success,
      workflowId: workflow,
      at: clock.now() - 5,
    });
    expect(first!.headers["x-get-workflow-full-history-data"]).toBe("true");
    expect(first!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=EMULATORDEMOAK000001, /);
    expect(first!.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(second!.query).toEqual({ limit: "5", status: ["a", "b"] });
    expect(emu.requests[3]!.authFailure).toMatch(/signature mismatch/);
  });

  test("countRequests filters by route and execution id", async () => {
    emu.reset();
    await getExecution(emu, workflow, X.success, { date: new Date(clock.now()) });
    await getExecution(emu, workflow, X.success, { date: new Date(clock.now()) });
    await getExecution(emu, workflow, X.fail, { date: new Date(clock.now()) });
    await exchange(emu, { path: paths.workflows(emu), date: new Date(clock.now()) });
    expect(emu.countRequests()).toBe(4);
    expect(emu.countRequests({ route: "showExecution" })).toBe(3);
    expect(emu.countRequests({ executionId: X.success })).toBe(2);
    expect(emu.countRequests({ route: "listWorkflows", executionId: X.success })).toBe(0);
  });

  test("reset clears the log in place and restarts fault and poll counters", async () => {
    const log = emu.requests;
    const g = (id: string) => getExecution(emu, workflow, id, { date: new Date(clock.now()) });
    expect((await g(X.fault429)).status).toBe(429);
    expect((await g(X.fault429)).status).toBe(200);
    for (const _ of [1, 2, 3]) await g(X.progressToSuccess);
    expect((await g(X.progressToSuccess)).json().status).toBe("success");
    emu.reset();
    expect(log).toHaveLength(0);
    expect(emu.requests).toBe(log);
    expect((await g(X.fault429)).status).toBe(429);
    expect((await g(X.progressToSuccess)).json().status).toBe("running");
  });

  test("reset moves the time base: relative times follow the clock", async () => {
    const begin = async () => (await getExecution(emu, workflow, X.success, { date: new Date(clock.now()) })).json().begin_time;
    const before = await begin();
    clock.advance(3_600_000);
    expect(await begin()).toBe(before);
    emu.reset();
    expect(Date.parse(await begin())).toBe(Date.parse(before) + 3_600_000);
  });
});

describe("options", () => {
  test("custom credentials: the first is reported, all are accepted, the demo ones are not", async () => {
    const a = { accessKey: "AKONE", secretKey: "sk-one" };
    const b = { accessKey: "AKTWO", secretKey: "sk-two" };
    const emu = await startEmulator({ credentials: [a, b] });
    try {
      expect(emu.credentials).toEqual(a);
      expect((await getExecution(emu, workflow, X.success, { credentials: b })).status).toBe(200);
      expect((await getExecution(emu, workflow, X.success, { credentials: DEMO_CREDENTIALS })).status).toBe(401);
    } finally {
      await emu.close();
    }
  });

  test("maxSkewMs", async () => {
    const emu = await startEmulator({ maxSkewMs: 1_000 });
    try {
      expect((await getExecution(emu, workflow, X.success, { date: new Date(Date.now() - 5_000) })).status).toBe(401);
    } finally {
      await emu.close();
    }
  });

  test("bad options are rejected before listening", async () => {
    await expect(startEmulator({ credentials: [] })).rejects.toThrow(/non-empty/);
    await expect(startEmulator({ throttle: { ratePerSecond: 0, burst: 1 } })).rejects.toThrow(/ratePerSecond/);
    await expect(startEmulator({ scenario: "/nonexistent/scenario.json" })).rejects.toThrow(/cannot read/);
  });

  test("close() is idempotent and frees the port", async () => {
    const emu = await startEmulator();
    await Promise.all([emu.close(), emu.close()]);
    const again = await startEmulator({ port: emu.port });
    await again.close();
  });
});
