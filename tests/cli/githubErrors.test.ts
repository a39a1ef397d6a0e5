/**
 * `--output github` for every non-zero exit (issue 20): an `::error` annotation on stdout and a section
 * in $GITHUB_STEP_SUMMARY, whether the gate failed, the service refused (404, 401), the network failed,
 * the command line was wrong, the run was stale, still running or inconclusive. `main` in-process.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type RunningEmulator, SCENARIO_IDS, startEmulator } from "fgs-workflow-gate/emulator";
import { type CliIo, main } from "../../provider/cli/main";
import { cliEnv } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu?.close());

const dir = mkdtempSync(path.join(tmpdir(), "fgs-cli-gh-"));
let n = 0;

async function github(argv: string[], env: NodeJS.ProcessEnv = cliEnv(emu)) {
  const summary = path.join(dir, `summary-${++n}.md`);
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { ...env, GITHUB_STEP_SUMMARY: summary },
  };
  const code = await main([...argv, "--output", "github"], io);
  let markdown = "";
  try {
    markdown = readFileSync(summary, "utf8");
  } catch {
    // no summary written
  }
  return { code, out, err, markdown };
}

const W = SCENARIO_IDS.workflow;
const get = (id: string) => ["get", "--workflow-id", W, "--execution-id", id, "--endpoint", emu.url, "--max-retries", "0"];
const wait = (id: string) => ["wait", "--workflow-id", W, "--execution-id", id, "--endpoint", emu.url, "--interval", "0.05"];

test.each([
  ["API error 404", () => get("exec-nope"), {}, 3, /^::error title=fgs-execution%3A API error \(FGS_API_ERROR\)::.*FSS\.0404/m],
  ["API error 401", () => get(SCENARIO_IDS.executions.success), { HW_SECRET_KEY: "WrongSecretKeyWrongSecretKey0000000000" }, 3, /^::error title=fgs-execution%3A API error \(FGS_API_ERROR\)::.*401/m],
  [
    "transport error, naming the host",
    () => ["get", "--workflow-id", W, "--execution-id", "x", "--endpoint", "http://127.0.0.1:9", "--max-retries", "0"],
    {},
    3,
    /^::error title=fgs-execution%3A Transport failure \(FGS_TRANSPORT\)::.*127\.0\.0\.1:9/m,
  ],
  ["usage error", () => ["get", "--workflow-id", W], {}, 2, /^::error title=fgs-execution%3A Usage error \(FGS_USAGE\)::--execution-id is required/m],
  ["no credentials", () => get("x"), { HW_ACCESS_KEY: "", HW_SECRET_KEY: "" }, 2, /^::error title=fgs-execution%3A Configuration error \(FGS_CONFIGURATION\)::No Huawei Cloud credentials/m],
  ["timeout", () => [...wait(SCENARIO_IDS.executions.running), "--timeout", "0.2"], {}, 4, /^::error title=Workflow release-checks%3A FGS_GATE_TIMEOUT::/m],
  ["stale", () => [...wait(SCENARIO_IDS.executions.success), "--max-age", "1"], {}, 1, /^::error title=Workflow release-checks%3A FGS_GATE_STALE::/m],
])("%s: annotation, summary, exit code", async (_, argv, env, exitCode, annotation) => {
  const r = await github(argv(), cliEnv(emu, env as NodeJS.ProcessEnv));
  expect(r.code).toBe(exitCode);
  expect(r.out).toMatch(annotation);
  expect(r.markdown).toMatch(/^### /);
  expect(r.markdown).toMatch(/FGS_[A-Z_]+/);
});

test("a stale run that also failed says how it ended, in the log, the annotation and the summary", async () => {
  const r = await github([...wait(SCENARIO_IDS.executions.fail), "--max-age", "1"]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/FGS_GATE_STALE: .*; the run also ended fail/);
  expect(r.out).toMatch(/FGS_GATE_STALE::.*the run also ended fail/);
  expect(r.markdown).toMatch(/the run also ended fail/);
});

test("inconclusive: exit 6 with its annotation", async () => {
  const file = path.join(dir, "inconclusive.json");
  writeFileSync(file, JSON.stringify([{ source: "output", path: "/nothing", equals: 1, onMissing: "inconclusive" }]));
  const r = await github([...wait(SCENARIO_IDS.executions.success), "--conditions-file", file]);
  expect(r.code).toBe(6);
  expect(r.out).toMatch(/^::error title=Workflow release-checks%3A FGS_GATE_INCONCLUSIVE::/m);
  expect(r.markdown).toContain("FGS_GATE_INCONCLUSIVE");
});

test("no run found (exit 5)", async () => {
  const r = await github(["latest", "--workflow-id", W, "--endpoint", emu.url, "--since", "2001-01-01T00:00:00Z", "--until", "2001-01-02T00:00:00Z"]);
  expect(r.code).toBe(5);
  expect(r.out).toMatch(/^::error title=fgs-execution%3A No run found \(FGS_NO_EXECUTION\)::/m);
});

test("without --output github, errors write no annotation and no summary", async () => {
  const summary = path.join(dir, "none.md");
  let out = "";
  const code = await main(get("exec-nope"), { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }) });
  expect(code).toBe(3);
  expect(out).toBe("");
  expect(() => readFileSync(summary)).toThrow();
});

test("interrupted (exit 130): an annotation and a summary too; run says which run it started and that it was stopped", async () => {
  const summary = path.join(dir, "interrupted.md");
  const controller = new AbortController();
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: {
      write: (t: string) => {
        err += t;
        if (t.includes("started execution")) setTimeout(() => controller.abort(), 50);
        return true;
      },
    },
    env: cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }),
    signal: controller.signal,
  };
  const argv = ["run", "--workflow-id", W, "--endpoint", emu.url, "--input", '{"scenario":"run-forever"}', "--interval", "0.05", "--output", "github"];
  expect(await main(argv, io)).toBe(130);
  expect(out).toMatch(/^::error title=fgs-execution%3A Interrupted \(FGS_INTERRUPTED\)::interrupted: .*was stopped \(terminated\)/m);
  expect(err.trimEnd().split("\n").pop()).toBe("fgs-execution: interrupted");
  const markdown = readFileSync(summary, "utf8");
  expect(markdown).toContain("`FGS_INTERRUPTED`** (exit 130)");
  expect(markdown).toMatch(/Execution started: [0-9a-f-]{36}/);
});
