/**
 * Issue 14, class 3 (hard time bounds), library side: `deadlineSeconds` bounds one read and
 * `waitForCompletion.timeoutSeconds` bounds the whole wait, including a read in flight and the latest-run
 * lookup's paging. The attempt timeout is 20 s, so only the 2 s bound under test can end these calls;
 * "within about a second" is checked with generous slack (settled within 6 s) and the call fails closed.
 */
import { getLatestWorkflowExecution, getWorkflowExecution, isTransportError } from "fgs-workflow-gate";
import { connection, executionBody, executionIdOf, isoIn, listItem, WORKFLOW } from "./support/fixtures";
import { send, stall, startHttpServer, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

const BOUND_MS = 6_000;
const SLOW_ATTEMPT = { requestTimeoutSeconds: 20, maxRetries: 4 };

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const readArgs = (url: string, extra: Record<string, unknown>) => ({
  workflowId: WORKFLOW,
  executionId: "exec-slow",
  ...connection(url),
  ...SLOW_ATTEMPT,
  ...extra,
});

test("deadlineSeconds 2 ends a read whose body stalls forever, as a TransportError", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200));
  const e = rejection(await settleWithin(getWorkflowExecution(readArgs(server.url, { deadlineSeconds: 2 })), BOUND_MS));
  expect(isTransportError(e)).toBe(true);
});

test("deadlineSeconds 2 ends a read whose server never answers at all", async () => {
  server = await startHttpServer(() => undefined);
  const e = rejection(await settleWithin(getWorkflowExecution(readArgs(server.url, { deadlineSeconds: 2 })), BOUND_MS));
  expect(isTransportError(e)).toBe(true);
});

test("waitForCompletion.timeoutSeconds 2 ends a gate whose first read stalls (deadline 60 s)", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200));
  const call = getWorkflowExecution(
    readArgs(server.url, { deadlineSeconds: 60, requireStatus: "success", waitForCompletion: { timeoutSeconds: 2, minIntervalSeconds: 0.1 } }),
  );
  const e = rejection(await settleWithin(call, BOUND_MS));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("waitForCompletion.timeoutSeconds 2 ends a gate whose later poll stalls while the run is still running", async () => {
  server = await startHttpServer((req, res) => {
    if (server!.requests.length === 1) send(res, 200, executionBody({ executionId: executionIdOf(req.path)!, status: "running" }));
    else stall(res, 200);
  });
  const call = getWorkflowExecution(
    readArgs(server.url, { deadlineSeconds: 60, requireStatus: "success", waitForCompletion: { timeoutSeconds: 2, minIntervalSeconds: 0.1 } }),
  );
  const e = rejection(await settleWithin(call, BOUND_MS));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests.length).toBeGreaterThanOrEqual(2);
});

const latestArgs = (url: string) => ({
  workflowId: WORKFLOW,
  ...connection(url),
  ...SLOW_ATTEMPT,
  deadlineSeconds: 60,
  requireStatus: "success" as const,
  waitForCompletion: { timeoutSeconds: 2, minIntervalSeconds: 0.1 },
});

test("the latest-run lookup is bounded by timeoutSeconds when a list page stalls", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200, '{"executions":['));
  const e = rejection(await settleWithin(getLatestWorkflowExecution(latestArgs(server.url)), BOUND_MS));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("the latest-run lookup is bounded by timeoutSeconds when the list pages on forever", async () => {
  let served = 0;
  server = await startHttpServer((req, res) => {
    const limit = Number(req.query.get("limit") ?? 200);
    const items = Array.from({ length: limit }, () => listItem(`exec-${served++}`, isoIn(-5)));
    setTimeout(() => send(res, 200, { executions: items }), 100);
  });
  const e = rejection(await settleWithin(getLatestWorkflowExecution(latestArgs(server.url)), BOUND_MS));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});
