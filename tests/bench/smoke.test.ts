/**
 * Keeps `npm run bench` working: runs the compiled benchmark with tiny counts (`--quick`) and without
 * writing BENCHMARKS.md (`--no-write`), and checks that it completes and prints every row.
 * No timing assertion: the numbers of a quick run mean nothing, and timing belongs in BENCHMARKS.md.
 * Needs the build (`npm test` runs it in pretest; alone: `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist", "bench", "main.js");
const REPORT = path.join(ROOT, "BENCHMARKS.md");

const TARGET_ROWS = [
  "one-shot fgs-execution get vs bare script, CPU",
  "one-shot fgs-execution wait (final run) vs bare script, CPU",
  "fresh process: require + one read vs bare script, CPU",
  "small body, steady state vs floor",
  "largest body vs floor",
  "largest body vs SDK",
  "largest body peak RSS vs SDK",
  "serialized dynamic provider",
];

const PROCESS_ROWS = ["`fgs-execution get --output json`", "`fgs-execution wait --require success`", "bare script", "Huawei's official SDK", 'require("fgs-workflow-gate")'];
const OTHER_ROWS = ["provider host first Read", "latest over 1,000 runs by workflowId", "latest over 1,000 runs by workflowName"];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let run: ReturnType<typeof spawnSync>;
let stdout = "";
let reportMtime: number | undefined;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" (npm test does it in pretest)`);
  reportMtime = existsSync(REPORT) ? statSync(REPORT).mtimeMs : undefined;
  run = spawnSync(process.execPath, ["--expose-gc", MAIN, "--quick", "--no-write"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  stdout = String(run.stdout ?? "");
}, 180_000);

test("the quick benchmark completes", () => {
  if (run.status !== 0) throw new Error(`bench exited with ${run.status} (${run.signal ?? "no signal"}):\n${String(run.stderr)}`);
  expect(stdout).toContain("# Benchmarks");
  expect(stdout).toContain("Quick run");
  expect(stdout).toMatch(/Node v\d+/);
});

test("every target is printed as met or missed, with its ratio or value", () => {
  for (const name of TARGET_ROWS) {
    expect(stdout).toMatch(new RegExp(`^\\| ${escape(name)} \\| [^|]*\\d[^|]* \\| [^|]+ \\| (met|\\*\\*MISSED\\*\\*) \\|$`, "m"));
  }
});

test("every whole-process contender has a CPU figure", () => {
  for (const name of PROCESS_ROWS) {
    const row = new RegExp(`^\\| ${escape(name)}[^|]* \\| ([\\d.]+) \\|`, "m").exec(stdout);
    expect(row).not.toBeNull();
    expect(Number(row?.[1])).toBeGreaterThan(0);
  }
});

test("every in-process contender has a row for both bodies", () => {
  for (const body of ["small", "large"]) {
    for (const contender of ["library", "sdk", "floor"]) {
      const row = new RegExp(`^\\| ${body} \\| ${contender} \\| [\\d.]+ \\| .*\\|$`, "m").exec(stdout);
      expect(row).not.toBeNull();
      expect(row?.[0]).not.toMatch(/NaN/);
    }
  }
});

test("the Pulumi and lookup measurements are printed", () => {
  for (const name of OTHER_ROWS) expect(stdout).toMatch(new RegExp(`^\\| ${escape(name)} \\| `, "m"));
  expect(stdout).not.toContain("not measured");
  expect(stdout).not.toContain("Not measured");
});

test("--no-write leaves BENCHMARKS.md alone", () => {
  expect(existsSync(REPORT) ? statSync(REPORT).mtimeMs : undefined).toBe(reportMtime);
});
