/**
 * `fgs-execution latest` and `fgs-execution wait --latest`, run as a child process from the build against
 * the emulator (started here with a scenario written for these tests): the run found by workflow ID and
 * by name, ambiguous and unknown names (2), a window without a run (5), the gate on the latest run (0, 1),
 * a run that appears while waiting, the JSON equal to the library's result, and the flag rules (2).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "fgs-workflow-gate/emulator";
import { ExitCodes, exitCodeOf } from "../../provider/cli/exitCodes";
import { main } from "../../provider/cli/main";
import { FLAGS } from "../../provider/cli/flags";
import type { GetLatestWorkflowExecutionArgs } from "../../provider/latest/args";
import { NoExecutionFoundError } from "../../provider/latest/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { ENV_VARIABLES } from "./envVariables";
import { cliEnv, ensureBuilt, runCli } from "./helpers";
import { GREEN_ID, GREEN_NAME, LATEST_SCENARIO, RELEASE_FAILED_NODE, RELEASE_ID, RELEASE_NAME } from "./latestScenario";

let emu: RunningEmulator;
const FAST = ["--interval", "0.05", "--max-interval", "0.1"];

beforeAll(async () => {
  ensureBuilt();
  emu = await startEmulator({ port: 0, scenario: LATEST_SCENARIO });
}, 180_000);
afterAll(() => emu?.close());
// Progress stages and appearing runs count requests: every test starts from the first stage.
beforeEach(() => emu.reset());

/** `--endpoint URL` of the emulator (project, region and keys come from `cliEnv`). */
function at(): string[] {
  return ["--endpoint", emu.url];
}

/** The library's own answer, for comparison with the command's JSON. */
function library(args: GetLatestWorkflowExecutionArgs) {
  return getLatestWorkflowExecution({ endpoint: emu.url, ...args }, { env: cliEnv(emu), config: { get: () => undefined } });
}

/** Requests by route, e.g. `{ listWorkflows: 1, listExecutions: 1, showExecution: 1 }`. */
function routes(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of emu.requests) out[r.route] = (out[r.route] ?? 0) + 1;
  return out;
}

describe("latest: find the latest run, print it, exit 0", () => {
  test("by workflow ID: the run that began last, whatever order the list serves it in", async () => {
    const r = await runCli(["latest", "--workflow-id", RELEASE_ID, ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Workflow: +release-checks \(id wf-release, version latest\)$/m);
    expect(r.stdout).toMatch(/^Execution: +rel-fail$/m);
    // latest only reads: a failed run is printed and the exit code is still 0.
    expect(r.stdout).toMatch(/^Status: +✗ fail$/m);
    expect(r.stdout).toMatch(/^✗ +integration-tests +fail +1 min 00 s +.*3 of 120 tests failed \(request id rq-rel-it-1\)$/m);
    // Paging ends only on an empty page: one page with the runs, one empty page, then the read.
    expect(routes()).toEqual({ listExecutions: 2, showExecution: 1 });
  });

  test("by name: only the exact name counts, not the near misses the server's filter also returns", async () => {
    const r = await runCli(["latest", "--workflow-name", RELEASE_NAME, ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Workflow: +release-checks \(id wf-release, version latest\)$/m);
    expect(r.stdout).toMatch(/^Execution: +rel-fail$/m);
    expect(routes()).toEqual({ listWorkflows: 2, listExecutions: 2, showExecution: 1 });
  });

  test("--status and --since narrow the search, and are sent to the list API", async () => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const r = await runCli(["latest", "--workflow-id", RELEASE_ID, "--status", "success", "--since", since, ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Execution: +rel-success$/m);
    const list = emu.requests.find((q) => q.route === "listExecutions");
    expect(list?.query).toMatchObject({ status: "success", start_time: since.slice(0, 19).replace("T", " ") });
  });

  test("json: exactly the library's getLatestWorkflowExecution result, nothing else on stdout", async () => {
    const r = await runCli(["latest", "--workflow-name", RELEASE_NAME, "--output", "json", ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(await library({ workflowName: RELEASE_NAME }));
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  test("github: the failed run is a warning (latest does not gate) and the summary says so", async () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), "fgs-cli-latest-")), "summary.md");
    const r = await runCli(["latest", "--workflow-id", RELEASE_ID, "--output", "github", ...at()], cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^::error title=Node integration-tests fail::Workflow release-checks execution rel-fail: node integration-tests ended fail/);
    expect(lines[1]).toMatch(/^::warning title=Workflow release-checks fail::/);
    expect(readFileSync(summary, "utf8")).toContain("Read only (`latest` does not gate).");
  });
});

describe("names that do not resolve (exit 2)", () => {
  test("an ambiguous name: both IDs listed, the flag named, no run read", async () => {
    const r = await runCli(["latest", "--workflow-name", "deploy", ...at()], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^fgs-execution: FGS_CONFIGURATION: 2 workflows are named "deploy" in project \S+ \(IDs wf-deploy-a, wf-deploy-b\): pass workflowId to choose one \[--workflow-name\]\n$/,
    );
    expect(routes()).toEqual({ listWorkflows: 2 });
  });

  test("an unknown name: the near misses are named", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-name", "release", ...at(), ...FAST], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: No workflow named "release" in project \S+ \(.*"release-checks".*\) \[--workflow-name\]\n$/);
    expect(routes()).toEqual({ listWorkflows: 2 });
  });
});

describe("no run found (exit 5)", () => {
  test("latest: an empty window is exit 5, one error line, nothing on stdout", async () => {
    const r = await runCli(["latest", "--workflow-name", "quiet", "--output", "json", ...at()], cliEnv(emu));
    expect(r.code).toBe(ExitCodes.noExecution);
    expect(r.code).toBe(5);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^fgs-execution: FGS_NO_EXECUTION: No execution of workflow quiet \(wf-quiet\) in project \S+ began between \S+Z and \S+Z \(0 listed in the window\)\. .* \[--since, --until, --status\]\n$/,
    );
  });

  test("latest: a status no run in the window has is also exit 5", async () => {
    const r = await runCli(["latest", "--workflow-id", RELEASE_ID, "--status", "cancel", ...at()], cliEnv(emu));
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_NO_EXECUTION: No execution of workflow wf-release .* with status cancel \(/);
  });

  test("wait --latest: lists again until --timeout, then exit 5 (not 4: no run is in progress)", async () => {
    const started = Date.now();
    const r = await runCli(["wait", "--latest", "--workflow-name", "quiet", "--timeout", "0.5", ...FAST, ...at()], cliEnv(emu));
    expect(r.code).toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("fgs-execution: No run of workflow quiet in the window yet; waiting for one to appear");
    expect(lines[1]).toMatch(/^fgs-execution: FGS_NO_EXECUTION: No execution of workflow quiet \(wf-quiet\) .* after waiting \d+ s \(/);
    expect(lines).toHaveLength(2);
    expect(routes().listExecutions).toBeGreaterThan(2);
    expect(routes().showExecution).toBeUndefined();
  });
});

describe("wait --latest: gate on the latest run", () => {
  test("passes (exit 0): the latest run is found by name, then waited for until it succeeds", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-name", GREEN_NAME, ...FAST, "--timeout", "10", ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^fgs-execution: \[0 s\] Workflow green-build execution green-now: running, 0 of 1 nodes finished$/);
    expect(lines[lines.length - 1]).toMatch(/^fgs-execution: \[\d+ s\] Workflow green-build execution green-now: success, 2 of 2 nodes finished$/);
    expect(r.stdout).toMatch(/^Execution: +green-now$/m);
    expect(r.stdout).toMatch(/^Status: +✓ success$/m);
    expect(emu.countRequests({ executionId: "green-now" })).toBe(3);
    expect(emu.countRequests({ executionId: "green-earlier" })).toBe(0);
  });

  test("rejected (exit 1): the latest run failed, and the error line names the failed node", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-id", RELEASE_ID, ...FAST, ...at()], cliEnv(emu));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Execution: +rel-fail$/m);
    expect(r.stdout).toMatch(/^✗ +integration-tests +fail/m);
    const last = r.stderr.trimEnd().split("\n").pop();
    expect(last).toMatch(/^fgs-execution: FGS_GATE_REJECTED: Workflow release-checks execution rel-fail ended fail: /);
    expect(last).toContain(`node ${RELEASE_FAILED_NODE} failed`);
    expect(last).toContain("3 of 120 tests failed");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test("--status success gates on the latest successful run instead", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-name", RELEASE_NAME, "--status", "success", "--output", "json", ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    const lib = await library({ workflowName: RELEASE_NAME, status: "success", waitForCompletion: true, requireStatus: "success" });
    expect(lib.executionId).toBe("rel-success");
    expect(JSON.parse(r.stdout)).toEqual(lib);
  });

  test("json on a rejected run: still exactly the library's result on stdout", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-id", RELEASE_ID, "--output", "json", ...FAST, ...at()], cliEnv(emu));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(await library({ workflowId: RELEASE_ID }));
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_REJECTED: /m);
  });

  test("a run that appears while waiting is found, then gated", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-name", "appearing", ...FAST, "--timeout", "10", ...at()], cliEnv(emu));
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("fgs-execution: No run of workflow appearing in the window yet; waiting for one to appear");
    expect(lines[lines.length - 1]).toMatch(/execution appear-late: success, 1 of 1 nodes finished$/);
    expect(r.stdout).toMatch(/^Execution: +appear-late$/m);
    // Two empty scans, then the scan that finds the run (its page, then an empty page).
    expect(routes().listExecutions).toBe(4);
  });

  test("on a terminal: the waiting line, then the live status line, cleared before the result", async () => {
    let out = "";
    let err = "";
    const io = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      env: cliEnv(emu),
      stdoutIsTTY: true,
      stderrIsTTY: true,
    };
    const code = await main(["wait", "--latest", "--workflow-name", "appearing", ...FAST, "--timeout", "10", ...at()], io);
    expect(code).toBe(0);
    expect(err.startsWith("fgs-execution: No run of workflow appearing in the window yet; waiting for one to appear\n")).toBe(true);
    const frames = err.slice(err.indexOf("\n") + 1).split("\r\x1b[2K").filter((f) => f !== "");
    expect(frames[0]).toMatch(/^⏳ 0 s {2}running, 0 of 1 nodes finished {2}\(Workflow appearing execution appear-late\)$/);
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
    expect(out).toMatch(/^Execution: +appear-late$/m);
  });

  test("SIGINT while waiting for a run to appear: exit 130, nothing on stdout", async () => {
    let sent = false;
    const r = await runCli(["wait", "--latest", "--workflow-name", "quiet", ...FAST, "--timeout", "60", ...at()], cliEnv(emu), {
      onStderr: (_text, child) => {
        if (!sent) child.kill("SIGINT");
        sent = true;
      },
    });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^fgs-execution: interrupted$/m);
  });

  test("the latest run still running at --timeout: exit 4, as for wait", async () => {
    const r = await runCli(["wait", "--latest", "--workflow-id", GREEN_ID, "--timeout", "0", ...at()], cliEnv(emu));
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^Execution: +green-now$/m);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_GATE_TIMEOUT: Workflow green-build execution green-now is still running/m);
  });
});

describe("flag rules (exit 2, before any request)", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "--execution-id with --latest",
      ["wait", "--latest", "--workflow-id", RELEASE_ID, "--execution-id", "rel-fail"],
      /^fgs-execution: FGS_USAGE: --execution-id and --latest are mutually exclusive: --latest finds the run itself, --execution-id names one; give one or the other \(see fgs-execution wait --help\)\n$/,
    ],
    [
      "--execution-id on latest",
      ["latest", "--workflow-id", RELEASE_ID, "--execution-id", "rel-fail"],
      /^fgs-execution: FGS_USAGE: --execution-id cannot be used with latest, which finds the run itself: drop it, or use get to read a given run \(see fgs-execution latest --help\)\n$/,
    ],
    [
      "--workflow-name on wait without --latest",
      ["wait", "--workflow-name", RELEASE_NAME, "--execution-id", "rel-fail"],
      /^fgs-execution: FGS_USAGE: --workflow-name needs --latest \(or the latest command\): it is for finding the latest run, while without --latest wait uses the run given by --execution-id/,
    ],
    [
      "--since on wait without --latest",
      ["wait", "--workflow-id", RELEASE_ID, "--execution-id", "rel-fail", "--since", "2024-05-06T07:08:09Z"],
      /^fgs-execution: FGS_USAGE: --since needs --latest \(or the latest command\)/,
    ],
    [
      "--workflow-name on get",
      ["get", "--workflow-name", RELEASE_NAME, "--execution-id", "rel-fail"],
      /^fgs-execution: FGS_USAGE: --workflow-name is for finding the latest run: use fgs-execution latest, or wait --latest \(get reads the run given by --execution-id\)/,
    ],
    [
      "--workflow-id with --workflow-name",
      ["latest", "--workflow-id", RELEASE_ID, "--workflow-name", RELEASE_NAME],
      /^fgs-execution: FGS_USAGE: --workflow-id and --workflow-name are mutually exclusive: give only one \(see fgs-execution latest --help\)\n$/,
    ],
    ["latest without a workflow", ["latest"], /^fgs-execution: FGS_USAGE: --workflow-id or --workflow-name is required \(see fgs-execution latest --help\)\n$/],
    ["wait --latest without a workflow", ["wait", "--latest", "--status", "success"], /^fgs-execution: FGS_USAGE: --workflow-id or --workflow-name is required/],
    ["wait without --execution-id or --latest", ["wait", "--workflow-id", RELEASE_ID], /^fgs-execution: FGS_USAGE: --execution-id is required \(see fgs-execution wait --help\)\n$/],
    ["--latest on latest", ["latest", "--latest", "--workflow-id", RELEASE_ID], /^fgs-execution: FGS_USAGE: --latest is accepted by wait only, not by latest/],
    ["a wait-only flag on latest", ["latest", "--workflow-id", RELEASE_ID, "--require", "success"], /^fgs-execution: FGS_USAGE: --require is accepted by wait and run only, not by latest/],
    ["--latest with a value", ["wait", "--latest=yes", "--workflow-id", RELEASE_ID], /^fgs-execution: FGS_USAGE: --latest takes no value/],
  ];
  test.each(cases)("%s", async (_name, args, expected) => {
    const r = await runCli([...args, ...at()], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(expected);
    expect(emu.requests).toHaveLength(0);
  });

  test.each([
    [["--status", "paused"], /^fgs-execution: FGS_CONFIGURATION: status "paused" is not one the list API filters on \(success, fail, running, timeout, cancel\) \[--status\]\n$/],
    [["--since", "2024-05-06 07:08:09"], /^fgs-execution: FGS_CONFIGURATION: since must be a Date or an ISO-8601 date-time with a zone .* \[--since\]\n$/],
    [["--since", "2030-01-01T00:00:00Z", "--until", "2029-01-01T00:00:00Z"], /^fgs-execution: FGS_CONFIGURATION: since \(2030-01-01T00:00:00.000Z\) is after until .*\[--since\]\n$/],
    [["--workflow-name="], /^fgs-execution: FGS_CONFIGURATION: workflowName must be a non-empty string \[--workflow-name\]\n$/],
  ])("the library's checks of the lookup values: %j", async (extra, expected) => {
    const workflow = extra.some((a) => a.startsWith("--workflow-name")) ? [] : ["--workflow-id", RELEASE_ID];
    const r = await runCli(["latest", ...workflow, ...extra, ...at()], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(emu.requests).toHaveLength(0);
  });
});

describe("help", () => {
  test("latest --help: usage, its flags with their requirements, exit code 5, environment", async () => {
    const r = await runCli(["latest", "--help"], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Usage: fgs-execution latest (--workflow-id ID | --workflow-name NAME) [--status STATUS]");
    const flagSection = r.stdout.slice(r.stdout.indexOf("Flags:"), r.stdout.indexOf("\nOutput:"));
    for (const f of FLAGS) {
      const listed = new RegExp(`^  --${f.name}\\b`, "m");
      if (f.commands.includes("latest")) expect(flagSection).toMatch(listed);
      else expect(flagSection).not.toMatch(listed);
    }
    expect(flagSection).toMatch(/^ {2}--workflow-id ID {2}\(required: this or --workflow-name\)$/m);
    expect(flagSection).toMatch(/^ {2}--workflow-name NAME {2}\(required: this or --workflow-id\)$/m);
    for (const v of ENV_VARIABLES) expect(r.stdout).toContain(v);
    expect(r.stdout).toMatch(/^ {2}5 +latest, wait --latest: no run to read or gate on/m);
    expect(r.stdout).toMatch(/exits 0 whatever the run's status/);
  });

  test("wait --help: the --latest usage and how each flag depends on it", async () => {
    const r = await runCli(["wait", "--help"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("fgs-execution wait --latest (--workflow-id ID | --workflow-name NAME)");
    expect(r.stdout).toMatch(/^ {2}--execution-id ID {2}\(required unless --latest\)$/m);
    expect(r.stdout).toMatch(/^ {2}--workflow-id ID {2}\(required; with --latest: this or --workflow-name\)$/m);
    expect(r.stdout).toMatch(/^ {2}--workflow-name NAME {2}\(with --latest only; this or --workflow-id is required\)$/m);
    expect(r.stdout).toMatch(/^ {2}--since TIME {2}\(with --latest only\)$/m);
    expect(r.stdout).toMatch(/^ {2}--latest$/m);
    expect(r.stdout).toMatch(/^ {2}4 +wait: the run was still not final/m);
    expect(r.stdout).toMatch(/^ {2}5 +latest, wait --latest/m);
  });
});

test("FGS_NO_EXECUTION maps to exit 5 by its code, also for a copy of the error from another package copy", () => {
  const error = new NoExecutionFoundError({ workflowId: "w", projectId: "p", since: "a", until: "b", scanned: 0 });
  expect(exitCodeOf(error)).toBe(5);
  expect(exitCodeOf({ code: "FGS_NO_EXECUTION" })).toBe(ExitCodes.noExecution);
});
