/**
 * Issue 14, class 4 applied to the one request that is not safe to repeat: starting a run. Once a start
 * may have reached the service (the request was received, whatever came back), it is never sent again,
 * or a hostile or flaky server could make one gate start two runs. Counted at the server.
 */
import { isResponseValidationError, startWorkflowExecution } from "fgs-workflow-gate";
import { ECHO, ECHO_HEADERS, errorLeaks } from "./support/echo";
import { connection, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type Handler, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads the whole request body first, so the start has surely arrived, then answers with `then`. */
const afterBody =
  (then: Handler): Handler =>
  (req, res) => {
    const incoming = res.req;
    incoming.resume();
    incoming.on("end", () => then(req, res));
  };

const ANSWERS: Record<string, Handler> = {
  "a connection reset and no status line": afterBody((_req, res) => res.socket?.resetAndDestroy()),
  "HTTP 500": afterBody((_req, res) => send(res, 500, { error_code: "FSS.0500", error_msg: "internal" })),
  "HTTP 502": afterBody((_req, res) => send(res, 502, "<html>bad gateway</html>", { "Content-Type": "text/html" })),
  "HTTP 503 with Retry-After": afterBody((_req, res) => send(res, 503, { error_code: "FSS.0503", error_msg: "busy" }, { "Retry-After": "1" })),
  "HTTP 504": afterBody((_req, res) => send(res, 504, { error_code: "APIGW.0201", error_msg: "timeout" })),
  "HTTP 200 with an invalid chunk-size line": afterBody((_req, res) =>
    res.socket?.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
  ),
  "HTTP 200 whose body is cut by a reset": afterBody((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": 100 });
    res.write('{"execution_id":"exec-');
    setTimeout(() => res.socket?.resetAndDestroy(), 20);
  }),
  "HTTP 200 with a body that is not the documented shape": afterBody((_req, res) => send(res, 200, { id: "exec-1" })),
  "silence until the attempt times out": afterBody(() => undefined),
};

test.each(Object.keys(ANSWERS))("a start answered by %s is sent exactly once", async (name) => {
  server = await startHttpServer(ANSWERS[name]!);
  const call = startWorkflowExecution({ workflowId: WORKFLOW, input: { ref: "main" }, ...connection(server.url), maxRetries: 4, requestTimeoutSeconds: 1 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
});

test.each([
  ["a body that is not the documented shape", { id: "exec-1" }],
  ["an execution ID that is not usable", { execution_id: "" }],
])("a start answered HTTP 200 with %s says a run may have started, and where to look", async (_, body) => {
  server = await startHttpServer(afterBody((_req, res) => send(res, 200, body)));
  const call = startWorkflowExecution({ workflowId: WORKFLOW, input: { ref: "main" }, ...connection(server.url), maxRetries: 4 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isResponseValidationError(e)).toBe(true);
  expect(String(e.message)).toMatch(/A run may have started: list the runs of workflow \S+ that began since /);
  expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
});

test("control: a start answered with an execution ID resolves to it, sent once", async () => {
  server = await startHttpServer(afterBody((_req, res) => send(res, 200, { execution_id: "exec-started" })));
  const started = await startWorkflowExecution({ workflowId: WORKFLOW, input: { ref: "main" }, ...connection(server.url) });
  expect(started.executionId).toBe("exec-started");
  expect(server.requests).toHaveLength(1);
});

test("a failed start whose error echoes the secret key and token holds neither in any form", async () => {
  server = await startHttpServer(afterBody((_req, res) => send(res, 500, { error_code: "FSS.0500", error_msg: ECHO }, ECHO_HEADERS)));
  const call = startWorkflowExecution({ workflowId: WORKFLOW, input: { ref: "main" }, ...connection(server.url, true), maxRetries: 0 });
  expect(errorLeaks(rejection(await settleWithin(call, 10_000)))).toEqual({});
  expect(server.requests).toHaveLength(1);
});
