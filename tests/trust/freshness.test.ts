/**
 * Issue 14, class 6 (freshness): a begin time later than now plus the gateway's clock-skew allowance
 * (15 minutes) never satisfies `notBefore` or `maxAgeSeconds`. The gate fails as stale
 * (WorkflowGateError FGS_GATE_STALE) and its message says the begin time is in the future.
 */
import { getLatestWorkflowExecution, getWorkflowExecution, isWorkflowGateError } from "fgs-workflow-gate";
import { runInProcess, target } from "./support/cli";
import { cliEnv, connection, executionBody, executionIdOf, isoIn, listItem, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { rejection, settleWithin } from "./support/settle";

const WHY = /future|ahead of|later than now/i;

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A successful run that began at `beginTime`, listed with that time too. */
async function serveRunBeganAt(beginTime: string): Promise<string> {
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, executionBody({ executionId: id, beginTime }));
    send(res, 200, { executions: req.query.get("offset") === "0" ? [listItem("exec-future", beginTime)] : [] });
  });
  return server.url;
}

const FUTURE: Record<string, () => string> = {
  "20 minutes from now": () => isoIn(20),
  "16 minutes from now, just past the 15-minute allowance": () => isoIn(16),
  "in 2099": () => "2099-01-01T00:00:00Z",
  "20 minutes from now, written with a +08:00 offset": () => {
    const t = new Date(Date.now() + 20 * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19);
    return `${t}+08:00`;
  },
};

const GATES: Record<string, () => Record<string, unknown>> = {
  "notBefore one hour ago": () => ({ notBefore: new Date(Date.now() - 3_600_000) }),
  "maxAgeSeconds 3600": () => ({ maxAgeSeconds: 3600 }),
};

describe.each(Object.keys(FUTURE))("a run that began %s", (when) => {
  test.each(Object.keys(GATES))("fails %s as stale, saying why", async (gate) => {
    const url = await serveRunBeganAt(FUTURE[when]!());
    const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-future", ...connection(url), requireStatus: "success", ...GATES[gate]!() });
    const e = rejection(await settleWithin(call, 10_000));
    expect(isWorkflowGateError(e)).toBe(true);
    expect(e.code).toBe("FGS_GATE_STALE");
    expect(e.message).toMatch(WHY);
  });
});

test("the latest-run lookup with a far `until` does not pass a future run as fresh", async () => {
  const url = await serveRunBeganAt(isoIn(30));
  const call = getLatestWorkflowExecution({
    workflowId: WORKFLOW,
    ...connection(url),
    since: new Date(Date.now() - 3_600_000),
    until: "2100-01-01T00:00:00Z",
    requireStatus: "success",
    notBefore: new Date(Date.now() - 3_600_000),
  });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isWorkflowGateError(e)).toBe(true);
  expect(e.code).toBe("FGS_GATE_STALE");
  expect(e.message).toMatch(WHY);
});

test("fgs-execution wait --not-before exits 1 with FGS_GATE_STALE for a run that began 20 minutes from now", async () => {
  const url = await serveRunBeganAt(isoIn(20));
  const notBefore = new Date(Date.now() - 3_600_000).toISOString();
  const run = await runInProcess(["wait", ...target("exec-future"), "--not-before", notBefore, "--timeout", "5"], cliEnv(url));
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_GATE_STALE: .*(future|ahead of|later than now)/im);
});

test("fgs-execution wait --max-age exits 1 with FGS_GATE_STALE for a run that began in 2099", async () => {
  const url = await serveRunBeganAt("2099-01-01T00:00:00Z");
  const run = await runInProcess(["wait", ...target("exec-future"), "--max-age", "3600", "--timeout", "5"], cliEnv(url));
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_GATE_STALE: .*(future|ahead of|later than now)/im);
});
