/** ShowWorkflowExecution bodies: every status, the documented shape and time formats, history, 404/400. */
import { SCENARIO_IDS, makeLargeExecution, startEmulator, type RunningEmulator, type Scenario } from "../../emulator";
import { API_TIME, getExecution, manualClock } from "./helpers";

const { workflow, executions: X } = SCENARIO_IDS;
const clock = manualClock();
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now });
});
afterAll(() => emu.close());

const get = (id: string, full?: boolean, wf: string = workflow) => getExecution(emu, wf, id, { full, date: new Date(clock.now()) });

const TOP_KEYS = ["workflow_id", "workflow_urn", "execution_id", "status", "headers", "input", "output", "begin_time", "end_time", "last_update_time", "created_by", "node_execution_details"];
const NODE_EXEC_KEYS = ["status", "input", "output", "begin_time", "end_time", "error_message", "request_id"];

/** Asserts the documented field names and types of a 200 body. */
function expectDocumentedShape(body: any): void {
  expect(Object.keys(body)).toEqual(TOP_KEYS);
  for (const k of ["begin_time", "end_time", "last_update_time"]) expect(body[k] === "" || API_TIME.test(body[k])).toBe(true);
  expect(body.workflow_urn).toBe(`urn:fss:cn-north-4:${SCENARIO_IDS.projectId}:workflow:default:release-checks:latest`);
  for (const k of ["headers", "input", "output"]) expect(typeof body[k]).toBe("object");
  for (const node of body.node_execution_details) {
    expect(Object.keys(node)).toEqual(["node_id", "node_name", "execution_id", "executions"]);
    for (const x of node.executions) {
      expect(Object.keys(x)).toEqual(NODE_EXEC_KEYS);
      expect(Number.isInteger(x.begin_time)).toBe(true);
      expect(Number.isInteger(x.end_time)).toBe(true);
      expect(typeof x.error_message).toBe("object");
      expect(typeof x.request_id).toBe("string");
    }
  }
}

describe("a 200 body for every status", () => {
  test.each([
    ["success", X.success, true],
    ["fail", X.fail, true],
    ["running", X.running, false],
    ["timeout", X.timeout, true],
    ["cancel", X.cancel, true],
    ["scheduled", X.scheduled, false],
    ["retrying", X.retrying, false],
    ["stopping", X.stopping, false],
    ["recovered", X.recovered, false],
  ])("%s", async (status, id, ended) => {
    const res = await get(id, true);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    const body = res.json();
    expectDocumentedShape(body);
    expect(body).toMatchObject({ status, execution_id: id, workflow_id: workflow });
    expect(body.end_time !== "").toBe(ended);
  });
});

test("times are relative to emulator start: execution strings, node epoch ms", async () => {
  const body = (await get(X.success, true)).json();
  const t0 = clock.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  expect(body.begin_time).toBe(iso(t0 - 25 * 60_000));
  expect(body.end_time).toBe(iso(t0 - 17 * 60_000));
  expect(body.last_update_time).toBe(body.end_time);
  expect(body.node_execution_details[0].executions[0].begin_time).toBe(t0 - 25 * 60_000);
  expect(body.node_execution_details.map((n: any) => n.node_name)).toEqual(["build", "unit-tests", "integration-tests", "deploy-canary"]);
});

test("a failed node carries its error_message object and request_id", async () => {
  const body = (await get(X.fail, true)).json();
  const it = body.node_execution_details.find((n: any) => n.node_name === "integration-tests");
  expect(it.executions[0]).toMatchObject({
    status: "fail",
    error_message: { error_code: "FSS.1051", error_msg: "integration tests failed: 3 of 120" },
    request_id: "b7c1e0d2-4a5f-4e61-9c3b-8f0a2d6e1c47",
  });
  expect(body.node_execution_details.map((n: any) => n.node_name)).not.toContain("deploy-canary");
});

test("a running node has end_time 0 and the run has end_time ''", async () => {
  const body = (await get(X.running, true)).json();
  expect(body.end_time).toBe("");
  expect(body.node_execution_details[2].executions[0]).toMatchObject({ status: "running", end_time: 0 });
  expect(API_TIME.test(body.last_update_time)).toBe(true);
});

test("a retried node lists every execution", async () => {
  const body = (await get(X.retriedNode, true)).json();
  const it = body.node_execution_details.find((n: any) => n.node_name === "integration-tests");
  expect(it.executions.map((x: any) => x.status)).toEqual(["fail", "fail", "success"]);
  expect(new Set(it.executions.map((x: any) => x.request_id)).size).toBe(3);
});

describe("X-Get-Workflow-Full-History-Data", () => {
  const buildOutput = async (full?: boolean) => (await get(X.success, full)).json().node_execution_details[0].executions[0].output;
  test("true serves node outputs in full", async () => {
    expect(await buildOutput(true)).toEqual({ artifact: "release-checks-1.4.2.tgz", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
  test("false or absent truncates node data longer than 64 bytes to a marker", async () => {
    for (const full of [false, undefined]) expect(await buildOutput(full)).toEqual({ truncated: true, size_bytes: expect.any(Number) });
    // Short values and execution-level data are never truncated.
    const body = (await get(X.success, false)).json();
    expect(body.node_execution_details[1].executions[0].output).toEqual({ passed: 412, failed: 0 });
    expect(body.input).toEqual({ git_ref: "refs/heads/main", commit: "4f9d2c1", version: "1.4.2" });
  });
});

describe("raw bodies", () => {
  test("the published example is served byte for byte", async () => {
    const published =
      '{"workflow_id":"48aff955-ea10-4ffd-b426-190bc192dc14","workflow_urn":"urn:fss:cn-north-7:73d69ae0cfcf460190522d060f05ad:workflow:default:testflow:latest","execution_id":"48aff955-ea10-4ffd-b426-190bc192dc14","status":"running","headers":{"tenantId":"user1"},"input":{"arg1":"argument_1","arg2":"argument_2"},"output":{"arg1":"argument_1","arg2":"argument_2"},"begin_time":"2021-01-01T00:00:00Z","end_time":"2021-01-01T00:00:00Z","last_update_time":"2021-01-01T00:00:00Z","created_by":"admin","node_execution_details":[{"node_id":"48aff955-ea10-4ffd-b426-190bc192dc14","node_name":"string","execution_id":"string","executions":[{"status":"running","input":{"arg1":"argument_1","arg2":"argument_2"},"output":{"arg1":"argument_1","arg2":"argument_2"},"begin_time":1605119892050,"end_time":1605119892050,"error_message":{"detail:\\"Execution failed\\"":null},"request_id":"string"}]}]}';
    const res = await get(X.publishedExample, false, SCENARIO_IDS.exampleWorkflow);
    expect(res.status).toBe(200);
    expect(res.text()).toBe(published);
  });

  test("invalid status and wrong types pass through untouched", async () => {
    expect((await get(X.rawInvalidStatus)).json().status).toBe("paused");
    const body = (await get(X.rawWrongTypes)).json();
    expect(body.begin_time).toBe(1609459200);
    expect(body.node_execution_details[0].executions[0].begin_time).toBe("2021-01-01T00:00:00Z");
    expect(body).not.toHaveProperty("created_by");
  });
});

describe("errors", () => {
  test("unknown execution, workflow or project: 404 FSS.0404 without request_id", async () => {
    for (const res of [
      await get("no-such-execution"),
      await get(X.success, undefined, "no-such-workflow"),
      await get(X.success, undefined, SCENARIO_IDS.workflowV2), // exists, but under another workflow
      await getExecution({ ...emu, projectId: "otherproject" }, workflow, X.success, { date: new Date(clock.now()) }),
    ]) {
      expect(res.status).toBe(404);
      expect(Object.keys(res.json())).toEqual(["error_code", "error_msg"]);
      expect(res.json().error_code).toBe("FSS.0404");
      expect(res.headers["x-request-id"]).toBeTruthy();
    }
  });

  test("ids out of the documented length: 400 FSS.0400 with request_id", async () => {
    for (const res of [await get("e".repeat(65)), await get(X.success, undefined, "w".repeat(513))]) {
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ error_code: "FSS.0400", error_msg: expect.any(String), request_id: res.headers["x-request-id"] });
    }
    expect((await get(X.success, undefined, "w".repeat(512))).status).toBe(404);
  });
});

describe("large bodies", () => {
  test("makeLargeExecution at the API maximum is about 7 MB and deterministic", () => {
    const body = makeLargeExecution({ nodes: 200, executionsPerNode: 200 });
    const size = Buffer.byteLength(JSON.stringify(body));
    expect(size).toBeGreaterThan(7_000_000);
    expect(size).toBeLessThan(8_000_000);
    expect(body.node_execution_details).toHaveLength(200);
    expect(body.node_execution_details[199]!.executions).toHaveLength(200);
    expect(JSON.stringify(makeLargeExecution({ nodes: 3, executionsPerNode: 2 }))).toBe(JSON.stringify(makeLargeExecution({ nodes: 3, executionsPerNode: 2 })));
    const failed = makeLargeExecution({ nodes: 2, executionsPerNode: 2, status: "fail", outputBytes: 10 });
    expect(failed.node_execution_details[1]!.executions[1]!.status).toBe("fail");
    expect((failed.node_execution_details[0]!.executions[0]!.output as { result: string }).result).toHaveLength(10);
  });

  test("the shipped 200x200 execution is served with fresh times", async () => {
    const res = await get(X.large, true);
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.node_execution_details).toHaveLength(200);
    expect(body.workflow_id).toBe(workflow);
    expect(Date.parse(body.begin_time)).toBe(clock.now() - 40 * 60_000);
    expect(res.body.length).toBeGreaterThan(7_000_000);
  });

  test("a generated body with large outputs is truncated unless full history is asked", async () => {
    const scenario: Scenario = {
      projectId: "p1",
      region: "cn-north-4",
      workflows: [{ id: "w1", name: "bench", executions: [{ id: "gen", large: { nodes: 10, executionsPerNode: 10, outputBytes: 500 } }] }],
    };
    const small = await startEmulator({ scenario });
    try {
      const full = await getExecution(small, "w1", "gen", { full: true });
      const short = await getExecution(small, "w1", "gen", { full: false });
      expect(full.body.length).toBeGreaterThan(50_000);
      expect(short.body.length).toBeLessThan(full.body.length / 3);
      expect(short.json().node_execution_details[0].executions[0].output).toEqual({ truncated: true, size_bytes: 513 });
    } finally {
      await small.close();
    }
  });

  test("a raw large body registered in a code-built scenario", async () => {
    const scenario: Scenario = {
      projectId: "p1",
      region: "cn-north-4",
      workflows: [{ id: "w1", name: "bench", executions: [{ id: "big", raw: makeLargeExecution({ nodes: 5, executionsPerNode: 4, executionId: "big", workflowId: "w1" }) }] }],
    };
    const small = await startEmulator({ scenario });
    try {
      const res = await getExecution(small, "w1", "big");
      expect(res.json().node_execution_details).toHaveLength(5);
      expect(res.json().execution_id).toBe("big");
    } finally {
      await small.close();
    }
  });
});
