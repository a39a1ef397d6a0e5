/**
 * Issue 14, class 4 (retries exactly where safe): once a status line has arrived, the retry decision
 * follows that status. A 400, 401, 403, 404 or 501 whose body is then truncated or stalls is still sent
 * exactly once (five bad signatures lock an access key). Counted at the server. A 503 with the same
 * broken body is retried, as its status allows (control).
 */
import { getWorkflowExecution } from "fgs-workflow-gate";
import { connection, WORKFLOW } from "./support/fixtures";
import { head, startRawServer, type RawHandler, type RawServer } from "./support/rawServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

const NO_RETRY = ["400 Bad Request", "401 Unauthorized", "403 Forbidden", "404 Not Found", "501 Not Implemented"];
const ERROR_DOC = '{"error_code":"FSS.1001","error_msg":"the signature does not match the request, see the docu';

/** The status line, headers and part of the error document, then the connection is closed. */
const truncated =
  (status: string): RawHandler =>
  (socket) =>
    socket.end(head(status, { "Content-Type": "application/json", "Content-Length": ERROR_DOC.length + 200 }) + ERROR_DOC);

/** The status line, headers and part of the error document, then nothing until the test ends. */
const stalled =
  (status: string): RawHandler =>
  (socket) =>
    socket.write(head(status, { "Content-Type": "application/json", "Content-Length": ERROR_DOC.length + 200 }) + ERROR_DOC);

/** The status line, headers and part of the error document, then a TCP reset. */
const reset =
  (status: string): RawHandler =>
  (socket) => {
    socket.write(head(status, { "Content-Type": "application/json", "Content-Length": ERROR_DOC.length + 200 }) + ERROR_DOC);
    setTimeout(() => socket.resetAndDestroy(), 20);
  };

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function read(url: string, extra: Record<string, unknown>) {
  return getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-retry", ...connection(url), maxRetries: 4, ...extra });
}

test.each(NO_RETRY)("HTTP %s with a truncated body is sent exactly once", async (status) => {
  server = await startRawServer(truncated(status));
  const e = rejection(await settleWithin(read(server.url, { requestTimeoutSeconds: 20 }), 5_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests).toHaveLength(1);
});

test.each(NO_RETRY)("HTTP %s whose body is cut by a connection reset is sent exactly once", async (status) => {
  server = await startRawServer(reset(status));
  const e = rejection(await settleWithin(read(server.url, { requestTimeoutSeconds: 20 }), 5_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests).toHaveLength(1);
});

test.each(NO_RETRY)("HTTP %s whose body stalls is sent exactly once", async (status) => {
  server = await startRawServer(stalled(status));
  const e = rejection(await settleWithin(read(server.url, { requestTimeoutSeconds: 1, deadlineSeconds: 20 }), 15_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests).toHaveLength(1);
});

test("control: HTTP 503 whose body is cut by a connection reset is retried as its status allows", async () => {
  server = await startRawServer(reset("503 Service Unavailable"));
  const e = rejection(await settleWithin(read(server.url, { requestTimeoutSeconds: 20, maxRetries: 2 }), 5_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server.requests).toHaveLength(3);
});
