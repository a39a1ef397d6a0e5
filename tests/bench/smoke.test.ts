/**
 * Keeps `npm run bench` working: runs the compiled benchmark with tiny iteration counts (`--quick`) and
 * without writing BENCHMARKS.md (`--no-write`), and checks that it completes and prints every row.
 * No timing assertion: the numbers of a quick run mean nothing, and timing belongs in BENCHMARKS.md.
 * Needs the build (`npm test` runs it in pretest; alone: `npx tsc -p tsconfig.build.json`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const MAIN = path.join(ROOT, "dist", "bench", "main.js");
const REPORT = path.join(ROOT, "BENCHMARKS.md");

const TARGET_ROWS = [
  "small payload vs floor",
  "small payload vs SDK",
  "large payload vs floor",
  "large payload vs SDK",
  "large payload peak memory vs SDK",
  "require time",
  "serialized provider size",
];

const OTHER_ROWS = [
  "require fgs-workflow-gate",
  "first getWorkflowExecution after require",
  "require @huaweicloud/huaweicloud-sdk-functiongraph",
  "serialized provider",
  "provider host startup",
  "provider host configure",
  "provider host first read",
  "provider host warm read",
  "wait, run final after 10 s",
  "wait, run final after 1 min",
  "wait, run final after 10 min",
  "latest over 1,000 runs by workflowId",
  "latest over 1,000 runs by workflowName",
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let run: ReturnType<typeof spawnSync>;
let stdout = "";
let reportMtime: number | undefined;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx tsc -p tsconfig.build.json" (npm test does it in pretest)`);
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
  expect(stdout).toMatch(/- Node v\d+/);
  expect(stdout).toMatch(/- CPU: .+, \d+ cores; memory/);
});

test("every target is printed as met or missed", () => {
  for (const name of TARGET_ROWS) {
    expect(stdout).toMatch(new RegExp(`^\\| ${escape(name)} \\| .+ \\| (met|\\*\\*MISSED\\*\\*) \\|$`, "m"));
  }
});

test("every contender has a row for both payloads, with a time and a peak memory", () => {
  for (const payload of ["small", "large"]) {
    for (const contender of ["library", "sdk", "floor"]) {
      const row = new RegExp(`^\\| ${payload} \\| ${contender} \\| [\\d.]+ \\| .*\\|$`, "m").exec(stdout);
      expect(row).not.toBeNull();
      expect(row?.[0]).not.toMatch(/NaN/);
    }
  }
});

test("every other measurement is printed and none is missing", () => {
  for (const name of OTHER_ROWS) expect(stdout).toMatch(new RegExp(`^\\| ${escape(name)} \\| `, "m"));
  expect(stdout).not.toContain("not measured");
});

test("--no-write leaves BENCHMARKS.md alone", () => {
  expect(existsSync(REPORT) ? statSync(REPORT).mtimeMs : undefined).toBe(reportMtime);
});
