/**
 * Issue 14, class 3, for the lookup: the whole call (name resolution, every list page, the run's reads)
 * ends within about a second of `timeoutSeconds` with a wait, or of `deadlineSeconds` without, and never
 * passes. Attempt timeouts are 30 s here, so only the bound under test can end these calls; "settles" is
 * checked with generous slack.
 */
import { isFunctionGraphGateError, isTransportError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { connection, executionBody, executionIdOf, isoIn, json, listItem, loopback, type Loopback, quiet, WORKFLOW } from "../gate/loopback";

const SLOW_ATTEMPTS = { requestTimeoutSeconds: 30, deadlineSeconds: 60 };
const SETTLES_MS = 8000;

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The call's error, or a test failure when it passes or does not settle within `SETTLES_MS`. */
async function failure(call: Promise<unknown>): Promise<Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), SETTLES_MS)));
  const outcome = await Promise.race([call.then(() => "passed" as const, (e: unknown) => e as Error), late]);
  clearTimeout(timer);
  if (outcome === "late") throw new Error(`the call did not settle within ${SETTLES_MS} ms`);
  if (outcome === "passed") throw new Error("the call passed where it had to fail");
  return outcome;
}

/** A list that never ends: every page is new and full, served after `delayMs`. */
function endlessList(delayMs: number) {
  let served = 0;
  return loopback((req, res) => {
    const limit = Number(req.query.get("limit") ?? 200);
    const items = Array.from({ length: limit }, () => listItem({ id: `e-${served++}`, beginTime: isoIn(-5) }));
    setTimeout(() => json(res, { executions: items }), delayMs);
  });
}

test("with a wait, paging an endless list ends with the wait's timeout", async () => {
  server = await endlessList(50);
  const wait = { timeoutSeconds: 1, minIntervalSeconds: 0.05 };
  const err = await failure(getLatestWorkflowExecution({ ...connection(server.url), workflowId: WORKFLOW, ...SLOW_ATTEMPTS, waitForCompletion: wait }, quiet));
  expect(isFunctionGraphGateError(err)).toBe(true);
  expect(server.requests.length).toBeGreaterThan(1);
});

test("without a wait, paging an endless list ends with deadlineSeconds", async () => {
  server = await endlessList(50);
  const err = await failure(
    getLatestWorkflowExecution({ ...connection(server.url), workflowId: WORKFLOW, requestTimeoutSeconds: 30, deadlineSeconds: 1 }, quiet),
  );
  expect(isTransportError(err)).toBe(true);
  expect((err as unknown as { kind: string }).kind).toBe("deadline");
});

test("a list page that never answers ends with the wait's timeout", async () => {
  server = await loopback(() => undefined);
  const err = await failure(
    getLatestWorkflowExecution({ ...connection(server.url), workflowId: WORKFLOW, ...SLOW_ATTEMPTS, waitForCompletion: { timeoutSeconds: 1 } }, quiet),
  );
  expect(isTransportError(err)).toBe(true);
});

test("a name lookup that never answers ends with the wait's timeout", async () => {
  server = await loopback(() => undefined);
  const err = await failure(
    getLatestWorkflowExecution({ ...connection(server.url), workflowName: "flow", ...SLOW_ATTEMPTS, waitForCompletion: { timeoutSeconds: 1 } }, quiet),
  );
  expect(isTransportError(err)).toBe(true);
});

test("a read of the chosen run that stalls while it is running: a timeout verdict, and the stalled request is cut", async () => {
  let reads = 0;
  server = await loopback((req, res) => {
    const id = executionIdOf(req.path);
    if (id === undefined) return json(res, { executions: req.query.get("offset") === "0" ? [listItem({ id: "e-1", beginTime: isoIn(-5), status: "running" })] : [] });
    if (++reads === 1) return json(res, executionBody({ id, beginTime: isoIn(-5), status: "running" }));
    // Later reads: never answered.
  });
  const wait = { timeoutSeconds: 1, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 };
  const err = await failure(
    getLatestWorkflowExecution({ ...connection(server.url), workflowId: WORKFLOW, ...SLOW_ATTEMPTS, requireStatus: "success", waitForCompletion: wait }, quiet),
  );
  expect(isWorkflowGateError(err)).toBe(true);
  expect((err as unknown as { code: string }).code).toBe("FGS_GATE_TIMEOUT");
  // The client let go of the stalled connection (the server never closes it).
  const s = server;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(s.open()).toBe(0);
});
