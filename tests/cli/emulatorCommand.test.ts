/**
 * `fgs-execution emulator` (and the `fgs-emulator` bin) for installed users (issue 20): it starts the
 * emulator, prints paste-ready export lines that include HW_FUNCTIONGRAPH_ENDPOINT, and with exactly
 * those variables (nothing else) the README's CLI example reaches the emulator. SIGTERM stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { SCENARIO_IDS } from "fgs-workflow-gate/emulator";
import { BIN, ensureBuilt, ROOT, runCli } from "./helpers";

beforeAll(() => ensureBuilt(), 180_000);

/** Starts a launcher, resolves with its banner once it says how to stop it. */
function startBanner(script: string, args: string[]): Promise<{ child: ChildProcess; banner: string; closed: Promise<number | string | null> }> {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH } });
  const closed = new Promise<number | string | null>((resolve) => child.on("close", (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no banner: ${out}`));
    }, 20_000);
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("Press Ctrl+C to stop.")) {
        clearTimeout(timer);
        resolve({ child, banner: out, closed });
      }
    });
  });
}

/** The variables of every `export A=1 B=2` line of the banner. */
function exportsOf(banner: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const line of banner.split("\n")) {
    const m = /^\s*export (.+)$/.exec(line);
    if (!m) continue;
    for (const pair of (m[1] as string).split(" ")) {
      const eq = pair.indexOf("=");
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}

test("fgs-execution emulator: the export lines alone point the README's CLI example at it", async () => {
  const { child, banner, closed } = await startBanner(BIN, ["emulator", "--port", "0"]);
  try {
    const env = exportsOf(banner);
    expect(Object.keys(env)).toEqual(expect.arrayContaining(["HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_PROJECT_ID", "HW_REGION_NAME", "HW_FUNCTIONGRAPH_ENDPOINT"]));
    expect(env.HW_FUNCTIONGRAPH_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await runCli(["get", "--workflow-id", SCENARIO_IDS.workflow, "--execution-id", SCENARIO_IDS.executions.success], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status: +✓ success$/m);
    const latest = await runCli(["latest", "--workflow-name", "release-checks"], env);
    expect(latest.code).toBe(0);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await closed).toBe(0);
});

test("fgs-emulator takes the same flags; a bad one is exit 2 with the usage", async () => {
  const { child, banner, closed } = await startBanner(path.join(ROOT, "bin", "fgs-emulator.js"), ["--port", "0"]);
  child.kill("SIGINT");
  expect(banner).toMatch(/FunctionGraph emulator listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(await closed).toBe(0);
  const bad = await runCli(["emulator", "--port", "x"], {});
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--port must be an integer/);
});
