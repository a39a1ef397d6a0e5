/**
 * Issue 14, class 9, beyond the named cases: hostile text from the lookups around a run (workflow names
 * and IDs, IAM projects and errors, run IDs), from a response header, and in the progress lines of a wait,
 * must reach neither the terminal nor the CI log as control characters, bidi controls or a new line.
 */
import { runInProcess, target } from "./support/cli";
import { cliEnv, executionBody, executionIdOf, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { lookupScenarios } from "./support/lookupScenarios";
import { terminalProblems } from "./support/terminalText";

const HOSTILE = "x\n::error::pwned\u001b[2J\u009b31m\u202eevil\r::add-mask::y";
const SCENARIOS = lookupScenarios(HOSTILE, "\n::error::id\u001b[1m\u202e");

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test.each(Object.keys(SCENARIOS))("%s: the CLI's stderr and stdout (with --debug) are safe", async (name) => {
  const s = SCENARIOS[name]!;
  server = await startHttpServer(s.handler);
  const env = cliEnv(server.url);
  if (s.byProjectDiscovery) delete env.HW_PROJECT_ID;
  const run = await runInProcess([...s.argv, "--max-retries", "0", "--debug"], env);
  expect(run.code).not.toBe(0);
  expect(server.requests.length).toBeGreaterThan(0);
  expect({ stdout: terminalProblems(run.stdout), stderr: terminalProblems(run.stderr) }).toEqual({ stdout: [], stderr: [] });
});

const C1 = "\u009b31m-\u0085::error::hdr";
const HEADER_ANSWERS: Record<string, [number, Record<string, string>, string]> = {
  "x-request-id of a 400": [400, { "Content-Type": "application/json", "x-request-id": `rq-${C1}` }, '{"error_code":"FSS.0400","error_msg":"bad"}'],
  "Retry-After of a 503": [503, { "Content-Type": "application/json", "Retry-After": `1${C1}` }, '{"error_code":"FSS.0503","error_msg":"busy"}'],
  "Content-Type of a 200 that is not JSON": [200, { "Content-Type": `text/html${C1}` }, "<html>not json</html>"],
  "Location of a redirect": [302, { Location: `http://127.0.0.1:9/${C1}` }, ""],
};

test.each(Object.keys(HEADER_ANSWERS).flatMap((h) => [[h, "table"], [h, "github"]]))("C1 controls in the %s do not reach the output (--output %s)", async (header, output) => {
  const [status, headers, body] = HEADER_ANSWERS[header]!;
  server = await startHttpServer((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  const run = await runInProcess(["get", ...target("exec-1"), "--output", output, "--debug"], cliEnv(server.url));
  expect(run.code).toBe(3);
  expect(server.requests.length).toBeGreaterThan(0);
  expect({ stdout: terminalProblems(run.stdout), stderr: terminalProblems(run.stderr) }).toEqual({ stdout: [], stderr: [] });
});

test("the progress lines of a wait on a run with hostile node names and status texts are safe", async () => {
  let reads = 0;
  server = await startHttpServer((req, res) => {
    reads++;
    const status = reads < 3 ? "running" : "fail";
    const nodes = [
      { name: `build${HOSTILE}`, status: reads < 2 ? "running" : "success", requestId: HOSTILE },
      { name: `test${HOSTILE}`, status: reads < 3 ? "running" : "fail", errorMessage: { message: HOSTILE } },
    ];
    send(res, 200, executionBody({ executionId: executionIdOf(req.path)!, status, urnName: "flow\u001b[31m\u202e", nodes }));
  });
  const argv = ["wait", ...target("exec-1"), "--timeout", "10", "--interval", "0.05", "--max-interval", "0.05"];
  const run = await runInProcess(argv, cliEnv(server.url));
  expect(run.code).toBe(1);
  expect(reads).toBeGreaterThanOrEqual(3);
  expect({ stdout: terminalProblems(run.stdout), stderr: terminalProblems(run.stderr) }).toEqual({ stdout: [], stderr: [] });
});

test("hostile keys of a node's error_message are safe in the table and in github annotations", async () => {
  const errorMessage = { [`key${HOSTILE}`]: "v", [`\u001b]0;title\u0007`]: `value${HOSTILE}` };
  server = await startHttpServer((req, res) =>
    send(res, 200, executionBody({ executionId: executionIdOf(req.path)!, status: "fail", nodes: [{ status: "fail", errorMessage }] })),
  );
  for (const output of ["table", "github"]) {
    const run = await runInProcess(["get", "--workflow-id", WORKFLOW, "--execution-id", "exec-1", "--output", output], cliEnv(server.url));
    expect(run.code).toBe(0);
    expect({ output, stdout: terminalProblems(run.stdout), stderr: terminalProblems(run.stderr) }).toEqual({ output, stdout: [], stderr: [] });
  }
});
