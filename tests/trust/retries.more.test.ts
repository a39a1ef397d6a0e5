/**
 * Issue 14, class 4, beyond the named cases: the "sent exactly once" rule holds on every endpoint (run,
 * run list, IAM discovery), for every framing fault after a non-retryable status line, and inside a wait,
 * which must end at once on an authentication, permission or not-found answer instead of polling again.
 */
import { getLatestWorkflowExecution, getWorkflowExecution } from "fgs-workflow-gate";
import { CREDENTIALS, connection, WORKFLOW } from "./support/fixtures";
import { head, startRawServer, type RawHandler, type RawServer } from "./support/rawServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

const DOC = '{"error_code":"FSS.1001","error_msg":"the signature does not match';

const BROKEN: Record<string, (status: string) => RawHandler> = {
  "a complete error document (control)": (status) => (socket) =>
    socket.write(head(status, { "Content-Type": "application/json", "Content-Length": DOC.length + 2 }) + DOC + '"}'),
  "an invalid chunk-size line": (status) => (socket) =>
    socket.write(head(status, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }) + "zz\r\n"),
  "a reset mid-body": (status) => (socket) => {
    socket.write(head(status, { "Content-Type": "application/json", "Content-Length": DOC.length + 100 }) + DOC);
    setTimeout(() => socket.resetAndDestroy(), 20);
  },
  "bytes after the declared length": (status) => (socket) =>
    socket.write(head(status, { "Content-Type": "application/json", "Content-Length": DOC.length }) + DOC + "GARBAGE\r\n\r\n"),
};

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ENDPOINTS: Record<string, (url: string) => Promise<unknown>> = {
  "a run read": (url) => getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(url), maxRetries: 4 }),
  "a run list": (url) => getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(url), maxRetries: 4 }),
  "IAM discovery": (url) =>
    getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", region: "cn-north-4", endpoint: url, iamEndpoint: url, credentials: CREDENTIALS, maxRetries: 4 }),
  "a wait (waitForCompletion, maxConsecutiveErrors 3)": (url) =>
    getWorkflowExecution({
      workflowId: WORKFLOW,
      executionId: "exec-1",
      ...connection(url),
      maxRetries: 4,
      requireStatus: "success",
      waitForCompletion: { timeoutSeconds: 10, minIntervalSeconds: 0.05, maxConsecutiveErrors: 3 },
    }),
};

describe.each(Object.keys(ENDPOINTS))("%s", (endpoint) => {
  describe.each(Object.keys(BROKEN))("with %s", (fault) => {
    test.each(["401 Unauthorized", "403 Forbidden", "404 Not Found"])("after HTTP %s is sent exactly once", async (status) => {
      server = await startRawServer(BROKEN[fault]!(status));
      const e = rejection(await settleWithin(ENDPOINTS[endpoint]!(server.url), 8_000));
      expect(isLibraryError(e)).toBe(true);
      expect(server.requests).toHaveLength(1);
    });
  });
});
