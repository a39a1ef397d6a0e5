/**
 * `fgs-execution get`, run as a child process from the build against the emulator: every output format
 * (exit 0 whatever the run's status) and the API/transport error paths (exit 3).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "fgs-workflow-gate/emulator";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { cliEnv, ensureBuilt, neverPrint, runCli, startCliEmulator, target } from "./helpers";
import { FAILED_NODE, WORKFLOW_ID, WORKFLOW_NAME } from "./scenario";

let emu: RunningEmulator;

beforeAll(async () => {
  ensureBuilt();
  emu = await startCliEmulator();
}, 180_000);
afterAll(() => emu?.close());

/** The library's own answer, for comparison with the command's JSON. */
function libraryRead(executionId: string) {
  return getWorkflowExecution(
    { workflowId: WORKFLOW_ID, executionId, endpoint: emu.url },
    { env: cliEnv(emu), config: { get: () => undefined } },
  );
}

describe("output formats (exit 0)", () => {
  test("table: status, workflow, timings and a node table where the failed node stands out", async () => {
    const r = await runCli(["get", ...target(emu, "run-failed")], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Workflow: +deploy-pipeline \(id wf-deploy, version latest\)$/m);
    expect(r.stdout).toMatch(/^Execution: +run-failed$/m);
    expect(r.stdout).toMatch(/^Status: +✗ fail$/m);
    expect(r.stdout).toMatch(/^Began: +\d{4}-\d\d-\d\dT[\d:.]+Z$/m);
    expect(r.stdout).toMatch(/^Duration: +2 min 00 s$/m);
    expect(r.stdout).toMatch(/^Nodes: +2 of 2 nodes finished, 1 failed$/m);
    expect(r.stdout).toMatch(/^ +NODE +STATUS +DURATION +ERROR$/m);
    expect(r.stdout).toMatch(/^✓ +build +success +1 min 00 s$/m);
    const failedRow = r.stdout.split("\n").find((l) => l.includes(FAILED_NODE));
    expect(failedRow).toMatch(/^✗ +integration-tests: e2e, 100% +fail +1 min 00 s +.*assertion failed.*\(request id rq-node-it-1\)$/);
    // Not a terminal: no color codes.
    expect(r.stdout).not.toContain("\x1b[");
  });

  test("get exits 0 for a run that is still running: it only reads", async () => {
    const r = await runCli(["get", ...target(emu, "run-stuck")], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status: +… running$/m);
    expect(r.stdout).toMatch(/^Ended: +\(not ended\)$/m);
  });

  test("json: exactly the library's WorkflowExecution, nothing else on stdout", async () => {
    const r = await runCli(["get", ...target(emu, "run-failed"), "--output", "json"], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(await libraryRead("run-failed"));
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  test("json with --full-history still parses and matches the library", async () => {
    const r = await runCli(["get", ...target(emu, "run-success"), "--output=json", "--full-history"], cliEnv(emu));
    expect(r.code).toBe(0);
    const lib = await getWorkflowExecution(
      { workflowId: WORKFLOW_ID, executionId: "run-success", endpoint: emu.url, fullHistory: true },
      { env: cliEnv(emu), config: { get: () => undefined } },
    );
    expect(JSON.parse(r.stdout)).toEqual(lib);
  });

  test("github: a notice for a successful run, and a summary appended to $GITHUB_STEP_SUMMARY", async () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), "fgs-cli-")), "summary.md");
    const env = cliEnv(emu, { GITHUB_STEP_SUMMARY: summary });
    const r = await runCli(["get", ...target(emu, "run-success"), "--output", "github"], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      `::notice title=Workflow ${WORKFLOW_NAME} success::Workflow ${WORKFLOW_NAME} execution run-success ended success in 2 min 00 s\n`,
    );
    const md = readFileSync(summary, "utf8");
    expect(md).toContain(`### ✓ Workflow ${WORKFLOW_NAME}: execution run-success success`);
    expect(md).toContain("Read only (`get` does not gate).");
    expect(md).toContain("| ✓ | unit-tests | success | 1 min 00 s |  |");
  });

  test("github on a failed run: ::error per failed node, a warning for the run, still exit 0", async () => {
    const r = await runCli(["get", ...target(emu, "run-failed"), "--output", "github"], cliEnv(emu));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error title=Node integration-tests%3A e2e%2C 100%25 fail::Workflow deploy-pipeline execution run-failed: node integration-tests: e2e, 100%25 ended fail: .*assertion failed.* \(request id rq-node-it-1\)$/,
    );
    expect(lines[1]).toMatch(/^::warning title=Workflow deploy-pipeline fail::.*ended fail in 2 min 00 s \(2 of 2 nodes finished, 1 failed\)$/);
  });
});

describe("API and transport errors (exit 3)", () => {
  test("404: one line with the code, the HTTP status and the request ID; nothing on stdout", async () => {
    const r = await runCli(["get", ...target(emu, "run-missing"), "--output", "json"], cliEnv(emu));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: FGS_API_ERROR: GET \/v2\/\S+\/run-missing failed with HTTP 404 .*request id [0-9a-zA-Z-]{8,}.*\n$/);
    expect(r.stderr.split("\n")).toHaveLength(2); // one line, no stack trace
  });

  test("authentication failure: the wrong secret is never printed", async () => {
    const wrong = "WrongSecretKeyValueThatMustNeverBePrinted0001";
    neverPrint(wrong);
    const r = await runCli(["get", ...target(emu, "run-success")], cliEnv(emu, { HW_SECRET_KEY: wrong }));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: FGS_API_ERROR: GET \S+ failed with HTTP 401 .*request id [0-9a-zA-Z-]{8,}/);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("HTTP 500 forever: exit 3 after the retries, which the emulator saw", async () => {
    emu.reset();
    const r = await runCli(["get", ...target(emu, "run-500"), "--max-retries", "2"], cliEnv(emu));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: FGS_API_ERROR: GET \S+ failed with HTTP 500 .*request id \S+, 3 attempts, host 127\.0\.0\.1:\d+\)/);
    expect(emu.countRequests({ executionId: "run-500" })).toBe(3);
  });

  test("nothing listening: FGS_TRANSPORT", async () => {
    const r = await runCli(
      ["get", "--workflow-id", WORKFLOW_ID, "--execution-id", "run-success", "--endpoint", "http://127.0.0.1:1", "--max-retries", "0"],
      cliEnv(emu),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_TRANSPORT: GET \S+: .*\(network, 1 attempt\)\n$/);
  });

  test("--debug: one line per HTTP attempt, and the stack of the error", async () => {
    const r = await runCli(["get", ...target(emu, "run-missing"), "--debug"], cliEnv(emu));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fgs-execution: debug: GET (http:\/\/127\.0\.0\.1:\d+)?\/v2\/\S+\/run-missing attempt 1: HTTP 404 in \d+ ms \(request id \S+\)$/m);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_API_ERROR: /m);
    expect(r.stderr).toMatch(/^\s+at .+$/m);
  });
});
