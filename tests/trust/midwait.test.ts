/**
 * Issues 14 classes 6 and 7, held-out variant: a hostile server changes a run's begin time between the
 * reads of a wait. The verdict is about the run as finally read, so a final read that says the run began
 * before `notBefore`, too long ago, or outside the lookup's window must not pass.
 */
import { getLatestWorkflowExecution, getWorkflowExecution } from "fgs-workflow-gate";
import { connection, executionBody, executionIdOf, isoIn, listItem, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WAIT = { requireStatus: "success" as const, waitForCompletion: { timeoutSeconds: 10, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 } };
const TEN_DAYS_AGO = isoIn(-10 * 24 * 60);

/** The run is running and fresh on the first read, then succeeded but began `finalBegin` on later reads. */
async function serveChangingRun(finalBegin: string): Promise<string> {
  let reads = 0;
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id === undefined) return send(res, 200, { executions: req.query.get("offset") === "0" ? [listItem("exec-1", isoIn(-5), "running")] : [] });
    reads++;
    const body = reads === 1 ? executionBody({ executionId: id, status: "running", beginTime: isoIn(-5) }) : executionBody({ executionId: id, beginTime: finalBegin });
    send(res, 200, body);
  });
  return server.url;
}

test.each([
  ["notBefore one hour ago", { notBefore: new Date(Date.now() - 3_600_000) }],
  ["maxAgeSeconds 3600", { maxAgeSeconds: 3600 }],
])("a wait with %s does not pass a run whose final read says it began ten days ago", async (_name, gate) => {
  const url = await serveChangingRun(TEN_DAYS_AGO);
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(url), ...WAIT, ...gate });
  const e = rejection(await settleWithin(call, 15_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test.each([
  ["ten days ago, before `since`", TEN_DAYS_AGO],
  ["in an hour, after `until`", isoIn(60)],
])("a latest-run wait does not pass a run whose final read says it began %s", async (_name, finalBegin) => {
  const url = await serveChangingRun(finalBegin);
  const since = new Date(Date.now() - 3_600_000);
  const call = getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(url), since, until: new Date(Date.now() + 60_000), ...WAIT });
  const e = rejection(await settleWithin(call, 15_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});
