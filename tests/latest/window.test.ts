/** The time window and the status filter: what is sent, what counts, and an empty window. */
import type { RunningEmulator } from "../../emulator";
import { isFunctionGraphGateError } from "../../provider/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { isNoExecutionFoundError, NoExecutionFoundError } from "../../provider/latest/errors";
import { connection, counts, quietContext, start } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const QUERY_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

test("the window is sent explicitly: 3 days back from 15 minutes past now", async () => {
  const before = Date.now();
  await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release" }, quietContext());
  const q = emu.requests.find((r) => r.route === "listExecutions")?.query as Record<string, string>;
  expect(q.limit).toBe("200");
  expect(q.offset).toBe("0");
  expect(q.status).toBeUndefined();
  expect(q.start_time).toMatch(QUERY_TIME);
  expect(q.end_time).toMatch(QUERY_TIME);
  const end = Date.parse(`${q.end_time.replace(" ", "T")}Z`);
  const startMs = Date.parse(`${q.start_time.replace(" ", "T")}Z`);
  expect(end - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
  expect(end - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
  expect(end - startMs).toBeGreaterThanOrEqual(3 * 86_400_000);
  expect(end - startMs).toBeLessThanOrEqual(3 * 86_400_000 + 2000);
});

test("no run in the window: NoExecutionFoundError with what was searched", async () => {
  const err = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-quiet" }, quietContext()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NoExecutionFoundError);
  expect(isNoExecutionFoundError(err)).toBe(true);
  expect(isFunctionGraphGateError(err)).toBe(true);
  const e = err as NoExecutionFoundError;
  expect(e.name).toBe("NoExecutionFoundError");
  expect(e.code).toBe("FGS_NO_EXECUTION");
  expect(e.search).toMatchObject({ workflowId: "wf-quiet", projectId: emu.projectId, scanned: 0 });
  expect(e.message).toMatch(/^No execution of workflow wf-quiet in project \S+ began between \S+Z and \S+Z \(0 listed in the window\)\. Widen the window/);
  expect(counts(emu)).toEqual({ listExecutions: 1 });
});

test("since widens the window past the default 3 days", async () => {
  const e = await getLatestWorkflowExecution(
    { ...connection(emu), workflowName: "quiet", since: new Date(Date.now() - 10 * 86_400_000) },
    quietContext(),
  );
  expect(e.executionId).toBe("quiet-5d");
});

test("until ends the window: the latest run that began before it", async () => {
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", until: new Date(Date.now() - 15 * 60_000) }, quietContext());
  expect(e.executionId).toBe("rel-success");
});

test("the status filter is sent and applied", async () => {
  const ok = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", status: "success" }, quietContext());
  expect(ok.executionId).toBe("rel-success");
  expect(emu.requests.find((r) => r.route === "listExecutions")?.query.status).toBe("success");

  const none = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", status: "cancel" }, quietContext()).catch((e: unknown) => e);
  expect(isNoExecutionFoundError(none)).toBe(true);
  expect((none as Error).message).toContain("with status cancel");
});

test("an unknown workflow ID is the API's 404", async () => {
  const err = await getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-missing" }, quietContext()).catch((e: unknown) => e);
  expect((err as { httpStatus?: number }).httpStatus).toBe(404);
});
