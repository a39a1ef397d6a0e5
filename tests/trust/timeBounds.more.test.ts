/**
 * Issue 14, class 3, beyond the named cases: the deadline and the wait timeout bound everything a call
 * does, also a server's Retry-After, IAM project discovery and the workflow-name lookup; and the command's
 * --timeout holds against a body dripped forever. Bounds are 2 s; "ended in time" means within 6 s.
 */
import { getLatestWorkflowExecution, getWorkflowExecution } from "fgs-workflow-gate";
import { runProcess, target } from "./support/cli";
import { CREDENTIALS, cliEnv, connection, executionBody, executionIdOf, WORKFLOW } from "./support/fixtures";
import { send, stall, startHttpServer, type HttpServer } from "./support/httpServer";
import { dripBody, startRawServer, type RawServer } from "./support/rawServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

const BOUND_MS = 6_000;
const SLOW = { requestTimeoutSeconds: 20, maxRetries: 4 };
const WAIT = { requireStatus: "success" as const, waitForCompletion: { timeoutSeconds: 2, minIntervalSeconds: 0.1 }, deadlineSeconds: 60 };

let server: HttpServer | RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const busy = (retryAfter: string) => startHttpServer((_req, res) => send(res, 503, { error_code: "FSS.0503", error_msg: "busy" }, { "Retry-After": retryAfter }));

test("a 503 with Retry-After: 100 is bounded by deadlineSeconds 2", async () => {
  server = await busy("100");
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...SLOW, deadlineSeconds: 2 });
  expect(isLibraryError(rejection(await settleWithin(call, BOUND_MS)))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a 503 with Retry-After: 100 on every poll is bounded by the wait's timeoutSeconds 2", async () => {
  server = await busy("100");
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...SLOW, ...WAIT });
  expect(isLibraryError(rejection(await settleWithin(call, BOUND_MS)))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a stalled IAM project discovery is bounded by the wait's timeoutSeconds 2", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200, '{"projects":['));
  const url = server.url;
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", region: "cn-north-4", endpoint: url, iamEndpoint: url, credentials: CREDENTIALS, ...SLOW, ...WAIT });
  expect(isLibraryError(rejection(await settleWithin(call, BOUND_MS)))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a stalled workflow-name lookup is bounded by the wait's timeoutSeconds 2", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200, '{"workflows":['));
  const call = getLatestWorkflowExecution({ workflowName: "trust-flow", ...connection(server.url), ...SLOW, ...WAIT });
  expect(isLibraryError(rejection(await settleWithin(call, BOUND_MS)))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a run list dripped forever is bounded by the wait's timeoutSeconds 2", async () => {
  server = await startRawServer(dripBody(100));
  const call = getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(server.url), ...SLOW, ...WAIT });
  expect(isLibraryError(rejection(await settleWithin(call, BOUND_MS)))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("fgs-execution wait --timeout 2 against a body dripped forever ends in time, not with 0", async () => {
  server = await startRawServer(dripBody(100));
  const argv = ["wait", ...target("exec-1"), "--timeout", "2", "--deadline", "60", "--request-timeout", "20"];
  const run = await runProcess(argv, cliEnv(server.url), 10_000);
  expect(run.ms).toBeLessThan(8_000);
  expect([3, 4]).toContain(run.code);
});

const runningRun = () =>
  startHttpServer((req, res) => send(res, 200, executionBody({ executionId: executionIdOf(req.path)!, status: "running" })));

test.each([
  ["minIntervalSeconds 100", { minIntervalSeconds: 100, maxIntervalSeconds: 100 }],
  ["maxIntervalSeconds 100 (after a short first interval)", { minIntervalSeconds: 0.05, maxIntervalSeconds: 100 }],
])("a wait with %s still ends at its timeoutSeconds 2 (the sleep is cut, not finished)", async (_name, intervals) => {
  server = await runningRun();
  const wait = { requireStatus: "success" as const, waitForCompletion: { timeoutSeconds: 2, ...intervals } };
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...wait });
  const e = rejection(await settleWithin(call, BOUND_MS));
  expect(e.code).toBe("FGS_GATE_TIMEOUT");
});

test("an AbortSignal fired during a stalled body ends the read at once", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200));
  const controller = new AbortController();
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...SLOW, signal: controller.signal });
  setTimeout(() => controller.abort(), 300);
  const e = rejection(await settleWithin(call, 3_000));
  expect(isLibraryError(e)).toBe(true);
});
