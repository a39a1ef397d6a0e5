/**
 * Issue 14, class 5 (the documented contract only): a read succeeds only on HTTP 200; a body with a
 * duplicated key anywhere is a ResponseValidationError (parsers disagree on which value wins); the nesting
 * depth of the whole body is bounded, so a deeply nested unexpected field is refused without a crash.
 * Each body is valid apart from the one aspect under test.
 */
import {
  getLatestWorkflowExecution,
  getWorkflowExecution,
  isResponseValidationError,
} from "fgs-workflow-gate";
import { runInProcess, target } from "./support/cli";
import { cliEnv, connection, executionBody, executionIdOf, isoIn, listItem, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `text(executionId)` with `status` for every read; lists get one item, `exec-1`. */
async function serve(status: number, text: (executionId: string) => string): Promise<string> {
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id === undefined) send(res, 200, { executions: [listItem("exec-1", isoIn(-5))] });
    else send(res, status, text(id));
  });
  return server.url;
}

const read = (url: string, executionId = "exec-1") =>
  settleWithin(getWorkflowExecution({ workflowId: WORKFLOW, executionId, ...connection(url), maxRetries: 0 }), 10_000);

const valid = (id: string, status = "success") => JSON.stringify(executionBody({ executionId: id, status }));

test("control: HTTP 200 with the valid body is read", async () => {
  const outcome = await read(await serve(200, (id) => valid(id)));
  expect(outcome.state === "fulfilled" && outcome.value.status).toBe("success");
});

test.each([201, 202, 203, 205, 206, 226])("HTTP %i with a valid-looking body is an error, not a success", async (status) => {
  const e = rejection(await read(await serve(status, (id) => valid(id))));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("HTTP 204 with no body is an error, not a success", async () => {
  server = await startHttpServer((_req, res) => {
    res.writeHead(204);
    res.end();
  });
  const e = rejection(await read(server.url));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

const DUPLICATES: Record<string, (id: string) => string> = {
  'top-level "status":"fail" then "status":"success"': (id) => `${valid(id, "fail").slice(0, -1)},"status":"success"}`,
  'top-level duplicate spelled with an escape ("st\\u0061tus")': (id) => `${valid(id, "fail").slice(0, -1)},"st\\u0061tus":"success"}`,
  "a node execution's status given twice": (id) => valid(id).replace('"request_id":"rq-0"', '"request_id":"rq-0","status":"fail"'),
  "a duplicate inside the run's input payload": (id) => valid(id).replace('"input":{"ref":"main"}', '"input":{"ref":"main","ref":"other"}'),
  "execution_id given first for another run, then for this one": (id) => `{"execution_id":"exec-other",${valid(id).slice(1)}`,
};

test.each(Object.keys(DUPLICATES))("a duplicated key (%s) is a ResponseValidationError", async (name) => {
  const e = rejection(await read(await serve(200, DUPLICATES[name]!)));
  expect(isResponseValidationError(e)).toBe(true);
});

test("a duplicated key in a list item of the latest-run lookup is a ResponseValidationError", async () => {
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, valid(id));
    const page = req.query.get("offset") === "0" ? [listItem("exec-1", isoIn(-5), "fail")] : [];
    send(res, 200, JSON.stringify({ executions: page }).replace('"status":"fail"', '"status":"fail","status":"success"'));
  });
  const call = getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(server.url), maxRetries: 0 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isResponseValidationError(e)).toBe(true);
});

const DEEP: Record<string, (id: string) => string> = {
  "100,000 nested arrays in an unexpected field": (id) => `${valid(id).slice(0, -1)},"extra":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
  "100,000 nested objects in an unexpected field": (id) => `${valid(id).slice(0, -1)},"extra":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`,
  "1,000,000 nested arrays in a node's unexpected field": (id) =>
    valid(id).replace('"request_id":"rq-0"', `"request_id":"rq-0","x":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`),
};

test.each(Object.keys(DEEP))("a body with %s is refused as a ResponseValidationError", async (name) => {
  const e = rejection(await read(await serve(200, DEEP[name]!)));
  expect(isResponseValidationError(e)).toBe(true);
});

describe("fgs-execution", () => {
  test("get against HTTP 202 with a valid-looking body exits 3 and prints no run", async () => {
    const url = await serve(202, (id) => valid(id));
    const run = await runInProcess(["get", ...target("exec-1"), "--max-retries", "0", "--output", "json"], cliEnv(url));
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
  });

  test('wait --require success against "status":"fail" then "status":"success" exits 3, never 0', async () => {
    const url = await serve(200, DUPLICATES['top-level "status":"fail" then "status":"success"']!);
    const run = await runInProcess(["wait", ...target("exec-1"), "--max-retries", "0", "--timeout", "5", "--interval", "0.05"], cliEnv(url));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^fgs-execution: FGS_RESPONSE_INVALID: \S/m);
  });
});
