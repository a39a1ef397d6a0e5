/**
 * Issue 14, class 8 (no secret in any output), library side: a server echoes the secret key and the
 * security token into error bodies, headers and every field of a run, after 200 characters of padding.
 * No text form of the resulting error (String, message, JSON, util.inspect, the execution it carries)
 * may hold 16 characters of either secret in a row.
 */
import { getLatestWorkflowExecution, getWorkflowExecution } from "fgs-workflow-gate";
import { ECHO, ECHO_HEADERS, echoingRun, errorLeaks } from "./support/echo";
import { connection, executionIdOf, isoIn, listItem, SECRET_KEY, TOKEN, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type Handler, type HttpServer } from "./support/httpServer";
import { rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const detailOr =
  (detail: Handler, list: Handler = (_r, res) => send(res, 200, { executions: [] }, ECHO_HEADERS)): Handler =>
  (req, res) =>
    executionIdOf(req.path) !== undefined ? detail(req, res) : list(req, res);

const run = (status: string): Handler => (req, res) => send(res, 200, echoingRun(executionIdOf(req.path)!, status), ECHO_HEADERS);

const CASES: Record<string, { handler: Handler; args?: Record<string, unknown> }> = {
  "HTTP 400 whose JSON error echoes both": {
    handler: (_req, res) => send(res, 400, { error_code: "FSS.0400", error_msg: ECHO, request_id: TOKEN }, ECHO_HEADERS),
  },
  "HTTP 500 whose non-JSON body echoes both": {
    handler: (_req, res) => send(res, 500, `<html><body>${ECHO}</body></html>`, { ...ECHO_HEADERS, "Content-Type": "text/html" }),
  },
  "HTTP 200 whose status is the token": {
    handler: (req, res) => send(res, 200, { ...echoingRun(executionIdOf(req.path)!, "success"), status: TOKEN }, ECHO_HEADERS),
  },
  "HTTP 200 naming another workflow, whose ID is the secrets": {
    handler: (req, res) => send(res, 200, { ...echoingRun(executionIdOf(req.path)!, "success"), workflow_id: `${SECRET_KEY}${TOKEN}` }, ECHO_HEADERS),
  },
  "HTTP 503 whose Retry-After is the token": {
    handler: (_req, res) => send(res, 503, { error_code: "FSS.0503", error_msg: "busy" }, { ...ECHO_HEADERS, "Retry-After": TOKEN }),
  },
  "HTTP 200 with an invalid body whose Content-Type echoes both": {
    handler: (_req, res) => send(res, 200, "<html>not json</html>", { ...ECHO_HEADERS, "Content-Type": `text/${SECRET_KEY}; t=${TOKEN}` }),
  },
  "a redirect whose Location echoes both": {
    handler: (_req, res) => send(res, 302, "", { ...ECHO_HEADERS, Location: `http://127.0.0.1:9/${SECRET_KEY}/${TOKEN}` }),
  },
  "a failed run echoing both everywhere (gate rejected)": { handler: run("fail"), args: { requireStatus: "success" } },
  "a successful run echoing both everywhere (gate stale)": { handler: run("success"), args: { requireStatus: "success", maxAgeSeconds: 1 } },
  "a running run echoing both everywhere (gate timeout)": {
    handler: run("running"),
    args: { requireStatus: "success", waitForCompletion: { timeoutSeconds: 0.3, minIntervalSeconds: 0.1 } },
  },
};

test.each(Object.keys(CASES))("getWorkflowExecution: %s: no secret in any form of the error", async (name) => {
  const { handler, args } = CASES[name]!;
  server = await startHttpServer(detailOr(handler));
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-echo", ...connection(server.url, true), maxRetries: 0, ...args });
  const e = rejection(await settleWithin(call, 10_000));
  expect(server!.requests.length).toBeGreaterThan(0);
  expect(errorLeaks(e)).toEqual({});
});

test.each(["fail", "running"])("getLatestWorkflowExecution: a %s run echoing both in the list and the detail", async (status) => {
  const list: Handler = (req, res) => {
    const item = { ...listItem("exec-echo", isoIn(-5), status), created_by: ECHO };
    send(res, 200, { executions: req.query.get("offset") === "0" ? [item] : [] }, ECHO_HEADERS);
  };
  server = await startHttpServer(detailOr(run(status), list));
  const call = getLatestWorkflowExecution({
    workflowId: WORKFLOW,
    ...connection(server.url, true),
    maxRetries: 0,
    requireStatus: "success",
    waitForCompletion: { timeoutSeconds: 0.3, minIntervalSeconds: 0.1 },
  });
  const e = rejection(await settleWithin(call, 10_000));
  expect(server!.requests.length).toBeGreaterThan(0);
  expect(errorLeaks(e)).toEqual({});
});

test("getLatestWorkflowExecution: a list body that fails validation and echoes both", async () => {
  const list: Handler = (_req, res) => send(res, 200, { executions: [{ ...listItem("exec-echo", isoIn(-5)), status: TOKEN, created_by: ECHO }] }, ECHO_HEADERS);
  server = await startHttpServer(detailOr(run("success"), list));
  const call = getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(server.url, true), maxRetries: 0 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(server!.requests.length).toBeGreaterThan(0);
  expect(errorLeaks(e)).toEqual({});
});
