/**
 * Issue 14, class 8, beyond the named cases: the gate's other outputs. In `warn` mode outside Pulumi
 * the verdict is written to stderr, and a caller's logger receives the wait's progress lines; neither may
 * carry a secret the server echoed into the run.
 */
import { getWorkflowExecution } from "fgs-workflow-gate";
import { ECHO_HEADERS, echoingRun, leaksIn } from "./support/echo";
import { connection, executionIdOf, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";

let server: HttpServer | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** Everything written to stderr or the console while `action` runs. */
async function captured(action: () => Promise<unknown>): Promise<string> {
  let text = "";
  const keep = (...parts: unknown[]) => {
    text += `${parts.map(String).join(" ")}\n`;
    return true;
  };
  jest.spyOn(process.stderr, "write").mockImplementation(keep as typeof process.stderr.write);
  for (const method of ["log", "info", "warn", "error"] as const) jest.spyOn(console, method).mockImplementation(keep);
  await action();
  return text;
}

test.each([
  ["a failed run", "fail", {}],
  ["a stale run", "success", { maxAgeSeconds: 1 }],
])("mode warn on %s echoing both secrets: the warning holds none", async (_name, status, gate) => {
  server = await startHttpServer((req, res) => send(res, 200, echoingRun(executionIdOf(req.path)!, status), ECHO_HEADERS));
  const url = server.url;
  const text = await captured(() =>
    getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-echo", ...connection(url, true), requireStatus: "success", mode: "warn", ...gate }),
  );
  expect(text.length).toBeGreaterThan(0);
  expect(leaksIn(text)).toEqual([]);
});

test("a wait in warn mode (running, then failed) writes nothing secret", async () => {
  let reads = 0;
  server = await startHttpServer((req, res) => {
    reads++;
    send(res, 200, echoingRun(executionIdOf(req.path)!, reads < 2 ? "running" : "fail"), ECHO_HEADERS);
  });
  const url = server.url;
  const text = await captured(() =>
    getWorkflowExecution({
      workflowId: WORKFLOW,
      executionId: "exec-echo",
      ...connection(url, true),
      requireStatus: "success",
      mode: "warn",
      waitForCompletion: { timeoutSeconds: 5, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 },
    }),
  );
  expect(reads).toBeGreaterThanOrEqual(2);
  expect(leaksIn(text)).toEqual([]);
});
