/**
 * `fgs-execution wait`, run as a child process from the build against the emulator: the gate passes
 * (0), rejects (1), finds a stale run (1), times out (4), and the formats show the run in each case.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RunningEmulator } from "fgs-workflow-gate/emulator";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { cliEnv, ensureBuilt, runCli, startCliEmulator, target } from "./helpers";
import { FAILED_NODE, WORKFLOW_ID, WORKFLOW_NAME } from "./scenario";

let emu: RunningEmulator;
const FAST = ["--interval", "0.05", "--max-interval", "0.2"];

beforeAll(async () => {
  ensureBuilt();
  emu = await startCliEmulator();
}, 180_000);
afterAll(() => emu?.close());
// Progress stages count polls: every test starts from the first stage.
beforeEach(() => emu.reset());

describe("gate passed (exit 0)", () => {
  test("a progressing run: one stderr line per status change, the final table on stdout", async () => {
    const r = await runCli(["wait", ...target(emu, "run-progress"), ...FAST, "--timeout", "10"], cliEnv(emu));
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^fgs-execution: \[0 s\] Workflow deploy-pipeline execution run-progress: running, 0 of 1 nodes finished$/);
    expect(lines).toContainEqual(expect.stringMatching(/: running, 1 of 2 nodes finished$/));
    expect(lines[lines.length - 1]).toMatch(/: success, 2 of 2 nodes finished$/);
    expect(r.stdout).toMatch(/^Status: +✓ success$/m);
    expect(emu.countRequests({ executionId: "run-progress" })).toBe(3);
  });

  test("json: the library's result, stdout holds nothing else", async () => {
    const r = await runCli(["wait", ...target(emu, "run-success"), ...FAST, "--output", "json"], cliEnv(emu));
    expect(r.code).toBe(0);
    const lib = await getWorkflowExecution(
      { workflowId: WORKFLOW_ID, executionId: "run-success", endpoint: emu.url, waitForCompletion: true, requireStatus: "success" },
      { env: cliEnv(emu), config: { get: () => undefined } },
    );
    expect(JSON.parse(r.stdout)).toEqual(lib);
    expect(r.stderr).toMatch(/^fgs-execution: \[0 s\] .*: success, 2 of 2 nodes finished\n$/);
  });

  test("--require accepts several statuses (comma list or repeated flag)", async () => {
    const a = await runCli(["wait", ...target(emu, "run-cancelled"), "--require", "success,cancel"], cliEnv(emu));
    expect(a.code).toBe(0);
    const b = await runCli(["wait", ...target(emu, "run-cancelled"), "--require", "cancel", "--require", "success"], cliEnv(emu));
    expect(b.code).toBe(0);
  });

  test("github: a notice that the gate passed, and the summary says so", async () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), "fgs-cli-")), "summary.md");
    const r = await runCli(["wait", ...target(emu, "run-success"), "--output", "github"], cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `::notice title=Workflow ${WORKFLOW_NAME} passed the gate::Workflow ${WORKFLOW_NAME} execution run-success ended success in 2 min 00 s (required: success)\n`,
    );
    expect(readFileSync(summary, "utf8")).toContain("**Gate passed** (required: success)");
  });
});

describe("gate rejected (exit 1)", () => {
  test("a failed run: the table, then one error line naming the failed node", async () => {
    const r = await runCli(["wait", ...target(emu, "run-failed"), ...FAST], cliEnv(emu));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Status: +✗ fail$/m);
    expect(r.stdout).toMatch(/^✗ +integration-tests: e2e, 100% +fail/m);
    const last = r.stderr.trimEnd().split("\n").pop();
    expect(last).toMatch(
      /^fgs-execution: FGS_GATE_REJECTED: Workflow deploy-pipeline execution run-failed ended fail: node integration-tests: e2e, 100% failed: .*assertion failed.* \(request id rq-node-it-1\) \(required: success\)$/,
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test("json: the failed run is still printed, exactly as the library returns it", async () => {
    const r = await runCli(["wait", ...target(emu, "run-failed"), "--output", "json"], cliEnv(emu));
    expect(r.code).toBe(1);
    const lib = await getWorkflowExecution(
      { workflowId: WORKFLOW_ID, executionId: "run-failed", endpoint: emu.url },
      { env: cliEnv(emu), config: { get: () => undefined } },
    );
    expect(JSON.parse(r.stdout)).toEqual(lib);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_REJECTED: /m);
  });

  test("github: ::error per failed node (escaped), the gate error, and the Markdown summary", async () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), "fgs-cli-")), "summary.md");
    const r = await runCli(["wait", ...target(emu, "run-failed"), "--output", "github"], cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error title=Node integration-tests%3A e2e%2C 100%25 fail::.*node integration-tests: e2e, 100%25 ended fail: /);
    expect(lines[1]).toMatch(/^::error title=Workflow deploy-pipeline%3A FGS_GATE_REJECTED::Workflow deploy-pipeline execution run-failed ended fail: /);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain(`### ✗ Workflow ${WORKFLOW_NAME}: execution run-failed fail`);
    expect(md).toContain("**Gate failed** (FGS_GATE_REJECTED)");
    expect(md).toContain("| | Node | Status | Duration | Error |");
    // The `|` and `<...>` of the node's error are escaped, so the table keeps its columns.
    expect(md).toMatch(/^\| ✗ \| integration-tests: e2e, 100% \| \*\*fail\*\* \| 1 min 00 s \| .*assertion failed \\\| expected 3 &lt;got&gt; 4.* \|$/m);
    expect(FAILED_NODE).toContain(",");
  });

  test("stale: a run older than --max-age fails at once, without waiting", async () => {
    const r = await runCli(["wait", ...target(emu, "run-old"), "--max-age", "3600", "--timeout", "30"], cliEnv(emu));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_STALE: Workflow deploy-pipeline execution run-old began at \S+, \d+ s ago, more than the maximum age of 3600 s$/m);
    expect(emu.countRequests({ executionId: "run-old" })).toBe(1);
  });

  test("stale: a run that began before --not-before", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const r = await runCli(["wait", ...target(emu, "run-success"), "--not-before", future], cliEnv(emu));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_STALE: .*before the required earliest start \S+: an older run cannot open this gate$/m);
  });
});

describe("other exits of wait", () => {
  test("still running when --timeout runs out: exit 4, the run printed as it was", async () => {
    const r = await runCli(["wait", ...target(emu, "run-stuck"), "--timeout", "1", "--interval", "0.1", "--max-interval", "0.2"], cliEnv(emu));
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^Status: +… running$/m);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_TIMEOUT: Workflow deploy-pipeline execution run-stuck is still running after waiting \d+(\.\d+)? s \(0 of 1 nodes finished\)/m);
    expect(emu.countRequests({ executionId: "run-stuck" })).toBeGreaterThan(3);
  });

  test("not found ends the wait at once: exit 3", async () => {
    const r = await runCli(["wait", ...target(emu, "run-missing"), ...FAST, "--timeout", "30"], cliEnv(emu));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_API_ERROR: .*HTTP 404/m);
  });

  test("SIGINT while waiting: exit 130, nothing on stdout", async () => {
    let sent = false;
    const r = await runCli(["wait", ...target(emu, "run-stuck"), ...FAST, "--timeout", "60"], cliEnv(emu), {
      onStderr: (_text, child) => {
        if (!sent) child.kill("SIGINT");
        sent = true;
      },
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: interrupted$/m);
  });
});
