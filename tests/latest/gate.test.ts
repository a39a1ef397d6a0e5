/** The gate options on the latest run, runs that appear between calls and while waiting. */
import type { RunningEmulator } from "../../emulator";
import { isWorkflowGateError, type WorkflowGateError } from "../../provider/gate/gateError";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { isNoExecutionFoundError, type NoExecutionFoundError } from "../../provider/latest/errors";
import { connection, counts, FAST_WAIT, quietContext, start } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

test("requireStatus success passes on a successful latest run, read in full", async () => {
  const e = await getLatestWorkflowExecution(
    { ...connection(emu), workflowName: "release-checks", status: "success", requireStatus: "success", maxAgeSeconds: 3600, fullHistory: true },
    quietContext(),
  );
  expect(e).toMatchObject({ executionId: "rel-success", status: "success", succeeded: true, terminal: true });
  const show = emu.requests.find((r) => r.route === "showExecution");
  expect(show?.headers["x-get-workflow-full-history-data"]).toBe("true");
});

test("a failed latest run is rejected, naming the failed node and its error", async () => {
  const err = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "release-checks", requireStatus: "success" }, quietContext()).catch(
    (e: unknown) => e,
  );
  expect(isWorkflowGateError(err)).toBe(true);
  const g = err as WorkflowGateError;
  expect(g.code).toBe("FGS_GATE_REJECTED");
  expect(g.execution.executionId).toBe("rel-fail");
  expect(g.message).toContain("Workflow release-checks execution rel-fail ended fail");
  expect(g.message).toContain("node integration-tests failed");
  expect(g.message).toContain("integration tests failed: 3 of 120");
});

test("mode warn returns the failed latest run with a warning", async () => {
  const ctx = quietContext();
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", requireStatus: "success", mode: "warn" }, ctx);
  expect(e.executionId).toBe("rel-fail");
  expect(ctx.lines.some((l) => l.startsWith("warn: FGS_GATE_REJECTED"))).toBe(true);
});

test("notBefore after the latest run began: stale", async () => {
  const err = await getLatestWorkflowExecution(
    { ...connection(emu), workflowId: "wf-release", requireStatus: "success", notBefore: new Date(Date.now() - 60_000) },
    quietContext(),
  ).catch((e: unknown) => e);
  expect((err as WorkflowGateError).code).toBe("FGS_GATE_STALE");
});

test("a run that appears between two calls is chosen by the second", async () => {
  const first = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "between-calls" }, quietContext());
  expect(first.executionId).toBe("between-first");
  const second = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "between-calls" }, quietContext());
  expect(second.executionId).toBe("between-second");
});

test("while waiting, the chosen run is polled by ID; a newer run does not replace it", async () => {
  const seen: string[] = [];
  const e = await getLatestWorkflowExecution(
    { ...connection(emu), workflowName: "waiting", waitForCompletion: FAST_WAIT, requireStatus: "success", onProgress: (p) => seen.push(p.status) },
    quietContext(),
  );
  expect(e).toMatchObject({ executionId: "wait-chosen", status: "success" });
  expect(seen).toEqual(["running", "success"]);
  // One scan only (a page and the empty page): wait-newer became visible after it, and the wait never lists again.
  expect(counts(emu)).toEqual({ listWorkflows: 2, listExecutions: 2, showExecution: 3 });
  expect(emu.countRequests({ executionId: "wait-chosen" })).toBe(3);
  const next = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "waiting" }, quietContext());
  expect(next.executionId).toBe("wait-newer");
});

test("without a wait, an empty window fails at once", async () => {
  const err = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-appear" }, quietContext()).catch((e: unknown) => e);
  expect(isNoExecutionFoundError(err)).toBe(true);
  expect((err as NoExecutionFoundError).search.waitedMs).toBeUndefined();
});

test("with a wait, the list is polled until a run appears, then that run is waited on", async () => {
  const ctx = quietContext();
  const e = await getLatestWorkflowExecution(
    { ...connection(emu), workflowId: "wf-appear", waitForCompletion: FAST_WAIT, requireStatus: "success" },
    ctx,
  );
  expect(e).toMatchObject({ executionId: "appear-late", status: "success" });
  // Two empty scans of one request, then a page with the run and the empty page after it.
  expect(counts(emu)).toEqual({ listExecutions: 4, showExecution: 2 });
  expect(ctx.lines.filter((l) => l.includes("waiting for one to appear"))).toHaveLength(1);
});

test("with a wait that runs out before a run appears: NoExecutionFoundError after the wait", async () => {
  const started = Date.now();
  const err = await getLatestWorkflowExecution(
    { ...connection(emu), workflowId: "wf-quiet", waitForCompletion: { ...FAST_WAIT, timeoutSeconds: 0.6 } },
    quietContext(),
  ).catch((e: unknown) => e);
  expect(isNoExecutionFoundError(err)).toBe(true);
  // The wait is counted from the call's start, and it listed again while it lasted.
  expect((err as NoExecutionFoundError).search.waitedMs).toBeGreaterThanOrEqual(600);
  expect((err as Error).message).toMatch(/after waiting \d+ s/);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(counts(emu).listExecutions).toBeGreaterThanOrEqual(2);
});

test("an abort while waiting for a run to appear stops at once", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const err = await getLatestWorkflowExecution(
    { ...connection(emu), workflowId: "wf-quiet", waitForCompletion: { ...FAST_WAIT, minIntervalSeconds: 1, maxIntervalSeconds: 1 }, signal: controller.signal },
    quietContext(),
  ).catch((e: unknown) => e);
  expect((err as { kind?: string }).kind).toBe("aborted");
});
