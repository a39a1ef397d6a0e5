/**
 * `fgs-execution run` (issue 17), as a child process from the build against the emulator's default
 * scenario, whose run templates are chosen by `input.scenario`. The emulator counts the starts and
 * terminations it received, so "one start, stopped once" is checked by counting.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type RunningEmulator, SCENARIO_IDS, startEmulator } from "fgs-workflow-gate/emulator";
import { cliEnv, ensureBuilt, neverPrint, runCli } from "./helpers";

let emu: RunningEmulator;
const FAST = ["--interval", "0.05", "--max-interval", "0.1"];
const dir = mkdtempSync(path.join(tmpdir(), "fgs-cli-run-"));

beforeAll(async () => {
  ensureBuilt();
  emu = await startEmulator({ port: 0 });
}, 180_000);
afterAll(() => emu?.close());
beforeEach(() => emu.reset());

const starts = () => emu.countRequests({ route: "startExecution" });
const terminates = () => emu.countRequests({ route: "terminateExecution" });
const byName = () => ["--workflow-name", "release-checks", "--endpoint", emu.url];
const byId = () => ["--workflow-id", SCENARIO_IDS.workflow, "--endpoint", emu.url];
const STARTED = /^fgs-execution: started execution ([0-9a-f-]{36}) of workflow 5b0c7e2a-1f3d-4c8e-9a6b-2d4f6e8a0c11$/m;

describe("start, wait, gate", () => {
  test("success: the started line comes first on stderr, the table of that run on stdout, exit 0", async () => {
    const r = await runCli(["run", ...byName(), "--input", '{"scenario":"success"}', ...FAST], cliEnv(emu));
    expect(r.code).toBe(0);
    const id = STARTED.exec(r.stderr)?.[1];
    expect(r.stderr.split("\n")[0]).toMatch(STARTED);
    expect(r.stdout).toContain(`Execution: ${id}`);
    expect(r.stdout).toMatch(/^Status: +✓ success$/m);
    expect(starts()).toBe(1);
    expect(terminates()).toBe(0);
  });

  test("a failed node: exit 1 naming it, json holds the started run", async () => {
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"fail-at-integration"}', ...FAST, "--output", "json"], cliEnv(emu));
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.stdout) as { executionId: string; status: string };
    expect(printed.executionId).toBe(STARTED.exec(r.stderr)?.[1]);
    expect(printed.status).toBe("fail");
    expect(r.stderr).toMatch(/FGS_GATE_REJECTED: .*integration-tests/);
  });

  test("the input from a file reaches the run unchanged", async () => {
    const file = path.join(dir, "input.json");
    writeFileSync(file, JSON.stringify({ scenario: "success", build: { sha: "abc123" } }));
    const r = await runCli(["run", ...byId(), "--input", `@${file}`, "--headers", '{"x-trace":"t1"}', ...FAST], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(emu.runs[0]?.input).toEqual({ scenario: "success", build: { sha: "abc123" } });
  });

  test("github: a notice with the execution ID as soon as the run started, then the verdict", async () => {
    const summary = path.join(dir, "summary-run.md");
    const r = await runCli(["run", ...byId(), "--input", "{}", ...FAST, "--output", "github"], cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }));
    expect(r.code).toBe(0);
    const id = STARTED.exec(r.stderr)?.[1] as string;
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`::notice title=Run started::Execution ${id} of workflow ${SCENARIO_IDS.workflow} started`);
    expect(lines[lines.length - 1]).toMatch(/^::notice title=Workflow release-checks passed the gate::/);
    expect(readFileSync(summary, "utf8")).toContain("**Gate passed**");
  });

  test("a timeout stops the run it started exactly once (exit 4); --no-stop leaves it running", async () => {
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"run-forever"}', ...FAST, "--timeout", "0.5"], cliEnv(emu));
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/FGS_GATE_TIMEOUT: .*was stopped \(terminated\)/);
    expect([starts(), terminates()]).toEqual([1, 1]);
    const kept = await runCli(["run", ...byId(), "--input", '{"scenario":"run-forever"}', ...FAST, "--timeout", "0.3", "--no-stop"], cliEnv(emu));
    expect(kept.code).toBe(4);
    expect([starts(), terminates()]).toEqual([2, 1]);
  });

  test("a reset after the start was sent: no second start, the message says a run may have started (exit 3)", async () => {
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"reset-after-start"}', ...FAST, "--max-retries", "2"], cliEnv(emu));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/A run may have started/);
    expect(starts()).toBe(1);
  });

  test("--sync: an express workflow's answer is gated (pass, then a failed run)", async () => {
    const express = ["--workflow-id", SCENARIO_IDS.expressWorkflow, "--endpoint", emu.url, "--sync"];
    const ok = await runCli(["run", ...express, "--input", '{"scenario":"success"}', "--output", "json"], cliEnv(emu));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).status).toBe("success");
    const failed = await runCli(["run", ...express, "--input", '{"scenario":"fail-at-integration"}'], cliEnv(emu));
    expect(failed.code).toBe(1);
    expect(emu.countRequests({ route: "startSyncExecution" })).toBe(2);
  });

  test("a throttled start is sent again and the run is gated", async () => {
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"throttled-once"}', ...FAST], cliEnv(emu));
    expect(r.code).toBe(0);
    expect(starts()).toBe(2);
    expect(emu.runs).toHaveLength(1);
  });
});

describe("SIGINT", () => {
  test("terminates the run it started, once, and exits 130 after that", async () => {
    let sent = false;
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"run-forever"}', ...FAST, "--timeout", "60"], cliEnv(emu), {
      onStderr: (text, child) => {
        if (!sent && text.includes("started execution")) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/was stopped \(terminated\)/);
    expect(r.stderr.trimEnd().split("\n").pop()).toBe("fgs-execution: interrupted");
    expect([starts(), terminates()]).toEqual([1, 1]);
    expect(emu.runs[0]?.terminatedAt).toBeDefined();
  });

  test("with --no-stop the run is left running", async () => {
    let sent = false;
    const r = await runCli(["run", ...byId(), "--input", '{"scenario":"run-forever"}', ...FAST, "--no-stop"], cliEnv(emu), {
      onStderr: (text, child) => {
        if (!sent && text.includes("started execution")) {
          sent = true;
          child.kill("SIGTERM");
        }
      },
    });
    expect(r.code).toBe(130);
    expect(terminates()).toBe(0);
  });
});

describe("input is never printed", () => {
  const SECRET = "s3cr3t-input-value-0123456789";
  beforeAll(() => neverPrint(SECRET));

  test("a JSON syntax error is exit 2 naming the flag and the position, not the content", async () => {
    const r = await runCli(["run", ...byId(), "--input", `{"token": "${SECRET}",}`], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_USAGE: --input is not valid JSON at line 1, column \d+ \(its content is not shown/m);
    expect(starts()).toBe(0);
  });

  test("a file with a syntax error names the file and the line; a list is refused; a missing file says so", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, `{\n  "token": "${SECRET}"\n  "x": 1\n}`);
    const bad = await runCli(["run", ...byId(), "--input", `@${file}`], cliEnv(emu));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--input file ${file} is not valid JSON at line 3`);
    const list = await runCli(["run", ...byId(), "--input", '["a"]'], cliEnv(emu));
    expect(list.stderr).toContain("--input must be a JSON object ({...}), not a list");
    const missing = await runCli(["run", ...byId(), "--input", `@${path.join(dir, "nope.json")}`], cliEnv(emu));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file .*nope\.json \(ENOENT\)/);
  });

  test("a run whose gate fails prints no input value", async () => {
    const r = await runCli(["run", ...byId(), "--input", `{"scenario":"fail-at-integration","token":"${SECRET}"}`, ...FAST, "--output", "github"], cliEnv(emu));
    expect(r.code).toBe(1);
  });
});

describe("usage", () => {
  test.each([
    [["run", "--workflow-id", "w"], /--input is required/],
    [["run", "--input", "{}"], /--workflow-id or --workflow-name is required/],
    [["run", "--workflow-id", "w", "--workflow-name", "n", "--input", "{}"], /mutually exclusive/],
    [["run", "--workflow-id", "w", "--execution-id", "e", "--input", "{}"], /--execution-id is accepted by get and wait only, not by run/],
    [["run", "--workflow-id", "w", "--latest", "--input", "{}"], /--latest is accepted by wait only, not by run/],
    [["run", "--workflow-id", "w", "--since", "2024-01-01T00:00:00Z", "--input", "{}"], /--since is accepted by latest and wait only, not by run/],
  ])("%j", async (args, message) => {
    const r = await runCli(args, cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
