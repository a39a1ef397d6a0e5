/**
 * Issue 14 classes 5, 6 and 8 applied to runWorkflow's synchronous (express) mode, where the gate decides
 * on the POST's answer alone: only HTTP 200 with a body of the documented shape and no duplicated key can
 * pass, a future begin time is not fresh, and an answer echoing the credentials leaks neither of them.
 */
import { runWorkflow } from "fgs-workflow-gate";
import { ECHO, ECHO_HEADERS, errorLeaks } from "./support/echo";
import { connection, isoIn, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const answer = (status: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ execution_id: "exec-sync", status, output: { ok: true }, begin_time: isoIn(-1), end_time: isoIn(0), ...extra });

const run = (url: string, extra: Record<string, unknown> = {}) =>
  settleWithin(runWorkflow({ workflowId: WORKFLOW, input: { ref: "main" }, sync: true, requireStatus: "success", ...connection(url, true), maxRetries: 0, ...extra }), 10_000);

async function serve(status: number, text: string, headers: Record<string, string> = {}): Promise<string> {
  server = await startHttpServer((_req, res) => send(res, status, text, headers));
  return server.url;
}

test("control: HTTP 200 with a success answer passes", async () => {
  const outcome = await run(await serve(200, answer("success")));
  expect(outcome.state === "fulfilled" ? outcome.value.status : outcome.state).toBe("success");
});

test.each([202, 203, 206])("HTTP %i with a success answer does not pass", async (status) => {
  expect(isLibraryError(rejection(await run(await serve(status, answer("success")))))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test.each([
  ['"status":"fail" then "status":"success"', `${answer("fail").slice(0, -1)},"status":"success"}`],
  ['"status" then "st\\u0061tus"', `${answer("fail").slice(0, -1)},"st\\u0061tus":"success"}`],
  ["execution_id twice", `{"execution_id":"exec-other",${answer("success").slice(1)}`],
])("a success answer with a duplicated key (%s) does not pass", async (_name, text) => {
  expect(isLibraryError(rejection(await run(await serve(200, text))))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a success answer nested 200,000 deep in an extra field does not pass", async () => {
  const text = `${answer("success").slice(0, -1)},"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
  expect(isLibraryError(rejection(await run(await serve(200, text))))).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a success answer that began 20 minutes in the future fails maxAgeSeconds as stale", async () => {
  const e = rejection(await run(await serve(200, answer("success", { begin_time: isoIn(20) })), { maxAgeSeconds: 3600 }));
  expect(e.code).toBe("FGS_GATE_STALE");
});

test("a failed answer echoing both secrets in its errors and output leaks neither", async () => {
  const errors = [{ node_id: "n1", error_message: ECHO, begin_time: isoIn(-1), end_time: isoIn(0) }, { node_id: ECHO, error_message: { message: ECHO } }];
  const text = answer("fail", { execution_id: "exec-sync", errors, output: { echo: ECHO } });
  const e = rejection(await run(await serve(200, text, ECHO_HEADERS)));
  expect(server!.requests).toHaveLength(1);
  expect(errorLeaks(e)).toEqual({});
});
