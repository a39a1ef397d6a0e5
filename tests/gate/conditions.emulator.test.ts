/**
 * Conditions and required nodes through getWorkflowExecution against the emulator: the three verdicts in
 * each mode, the full-history read they turn on, and no payload value in any message.
 */
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import type { Condition } from "../../provider/conditionArgs";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const ids = { workflowId: SCENARIO_IDS.workflow, executionId: SCENARIO_IDS.executions.success };
const read = (extra: Record<string, unknown>) =>
  getWorkflowExecution({
    endpoint: emu.url,
    projectId: emu.projectId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    ...ids,
    ...extra,
  });

async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: Error & Record<string, unknown>) => e,
  );
}

const passed: Condition = { source: "output", path: "/result", equals: "passed" };
const noFailures: Condition = { source: { node: "integration-tests" }, path: "/failed", lte: 0 };

test("conditions that hold pass, and reading node outputs asks for the full history", async () => {
  const e = await read({ requireStatus: "success", conditions: [passed, noFailures], requireNodes: ["build", "deploy-canary"] });
  expect(e.succeeded).toBe(true);
  const sent = emu.requests.filter((r) => r.route === "showExecution");
  expect(sent.map((r) => r.headers["x-get-workflow-full-history-data"])).toEqual(["true"]);
});

test("conditions on the input alone leave the history setting alone", async () => {
  await read({ conditions: [{ source: "input", path: "/version", equals: "1.4.2" }] });
  expect(emu.requests.filter((r) => r.route === "showExecution").map((r) => r.headers["x-get-workflow-full-history-data"])).toEqual([undefined]);
});

test("a false condition fails the gate in enforce mode, naming it and not the value", async () => {
  const e = await rejection(read({ requireStatus: "success", conditions: [{ source: "output", path: "/version", equals: "2.0.0" }] }));
  expect(e.code).toBe("FGS_GATE_REJECTED");
  expect(e.message).toContain('output:/version == "2.0.0": did not hold');
  expect(e.message).not.toContain("1.4.2");
  expect(e.results).toEqual([{ name: 'output:/version == "2.0.0"', outcome: "fail", passed: false, reason: "did not hold" }]);
});

test("an undecidable condition is FGS_GATE_INCONCLUSIVE, never a pass", async () => {
  const e = await rejection(read({ conditions: [{ source: "output", path: "/coverage", gte: 80, onMissing: "inconclusive" }] }));
  expect(e.code).toBe("FGS_GATE_INCONCLUSIVE");
  expect(e.message).toMatch(/could not be judged: output:\/coverage >= 80: was missing/);
});

test("a required node that is missing fails the gate and is named", async () => {
  const e = await rejection(read({ requireNodes: { "smoke-tests": "success" } }));
  expect(e.code).toBe("FGS_GATE_REJECTED");
  expect(e.message).toContain('node "smoke-tests" is success: no such node in the run');
});

test("warn and report return the run as for any failure", async () => {
  const warnings: string[] = [];
  const logger = { info: () => {}, warn: (m: string) => warnings.push(m) };
  const fail = { conditions: [{ source: "output", path: "/result", equals: "failed" } as Condition] };
  const warned = await getWorkflowExecution(
    { endpoint: emu.url, projectId: emu.projectId, credentials: emu.credentials, ...ids, ...fail, mode: "warn" },
    { logger } as never,
  );
  expect(warned.succeeded).toBe(true);
  expect(warnings.join("\n")).toMatch(/FGS_GATE_REJECTED: .*output:\/result == "failed"/);
  await expect(read({ ...fail, mode: "report" })).resolves.toMatchObject({ executionId: ids.executionId });
});

test("exposePayloads lets messages quote the value", async () => {
  const e = await rejection(read({ exposePayloads: true, conditions: [{ source: "output", path: "/version", equals: "2.0.0" }] }));
  expect(e.message).toContain('"1.4.2"');
});

test("a run that is not final fails before any condition is judged", async () => {
  const e = await getWorkflowExecution({
    endpoint: emu.url,
    projectId: emu.projectId,
    credentials: emu.credentials,
    workflowId: SCENARIO_IDS.workflow,
    executionId: SCENARIO_IDS.executions.running,
    conditions: [passed],
  }).catch((x: Error & { code?: string }) => x);
  expect((e as { code?: string }).code).toBe("FGS_GATE_TIMEOUT");
});
