/**
 * Conditions and required nodes end to end (issue 18), `main` in-process against the emulator's default
 * scenario: a started run ends with output `{"result":"passed"}` and nodes whose outputs are like
 * `{"passed":412,"failed":0}`. Exit 0 when everything holds, 1 when something fails, 6 when a condition
 * marked inconclusive comes out that way; no value read is ever quoted unless --expose-payloads.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type RunningEmulator, SCENARIO_IDS, startEmulator } from "fgs-workflow-gate/emulator";
import { type CliIo, type CommandResult, main } from "../../provider/cli/main";
import { cliEnv } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu?.close());

const dir = mkdtempSync(path.join(tmpdir(), "fgs-cli-cond-"));

async function run(...more: string[]): Promise<{ code: number; out: string; err: string; result?: CommandResult }> {
  let out = "";
  let err = "";
  let result: CommandResult | undefined;
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: cliEnv(emu),
    onResult: (r) => (result = r),
  };
  const argv = ["run", "--workflow-id", SCENARIO_IDS.workflow, "--endpoint", emu.url, "--input", '{"scenario":"success"}'];
  const code = await main([...argv, "--interval", "0.05", "--max-interval", "0.1", ...more], io);
  return { code, out, err, result };
}

function conditionsFile(conditions: unknown[]): string {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(conditions));
  return file;
}

test("every condition and required node holds: exit 0", async () => {
  const r = await run(
    "--condition", 'output:/result == "passed"',
    "--condition", "node[integration-tests]:/failed <= 0",
    "--condition", 'output:/result in ["passed","skipped"]',
    "--condition", "output:/result exists",
    "--condition", 'output:/result matches "^pass"',
    "--require-node", "integration-tests",
    "--require-node", "unit-tests=success,fail",
  );
  expect(r.err).not.toMatch(/FGS_GATE/);
  expect(r.code).toBe(0);
  expect(r.result).toMatchObject({ exitCode: 0, status: "success", reason: "" });
});

test("a false condition: exit 1, the condition named, the value read not quoted", async () => {
  const r = await run("--condition", 'output:/result == "failed"');
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/FGS_GATE_REJECTED: .*output:\/result == "failed"/);
  expect(r.err).not.toContain("passed");
  expect(r.result?.code).toBe("FGS_GATE_REJECTED");
});

test("--expose-payloads lets the message quote the value", async () => {
  const r = await run("--condition", 'output:/result == "failed"', "--expose-payloads");
  expect(r.code).toBe(1);
  expect(r.err).toContain("passed");
});

test("a missing node fails, naming it", async () => {
  const r = await run("--require-node", "security-scan");
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/FGS_GATE_REJECTED: .*security-scan/);
});

test("a missing value counts as failed by default, a wrong type as missing", async () => {
  expect((await run("--condition", "output:/absent exists")).code).toBe(1);
  expect((await run("--condition", "output:/result > 3")).code).toBe(1);
});

test("onFalse / onMissing inconclusive from a conditions file: exit 6", async () => {
  const onFalse = await run("--conditions-file", conditionsFile([{ source: "output", path: "/result", equals: "failed", onFalse: "inconclusive" }]));
  expect(onFalse.code).toBe(6);
  expect(onFalse.err).toMatch(/FGS_GATE_INCONCLUSIVE/);
  const onMissing = await run("--conditions-file", conditionsFile([{ source: { node: "unit-tests" }, path: "/coverage", gte: 80, onMissing: "inconclusive" }]));
  expect(onMissing.code).toBe(6);
});

test("a failure outweighs an inconclusive outcome: exit 1", async () => {
  const file = conditionsFile([{ source: "output", path: "/nope", equals: true, onMissing: "inconclusive" }]);
  const r = await run("--conditions-file", file, "--condition", 'output:/result == "failed"');
  expect(r.code).toBe(1);
});

test("a malformed condition in the file is a configuration error (exit 2) naming it", async () => {
  const r = await run("--conditions-file", conditionsFile([{ source: "output", path: "nope", equals: 1 }]));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/conditions\[0\]/);
});

test("github: the verdict as an annotation and in the summary", async () => {
  const summary = path.join(dir, "summary.md");
  let out = "";
  const io: CliIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: cliEnv(emu, { GITHUB_STEP_SUMMARY: summary }) };
  const code = await main(
    ["run", "--workflow-id", SCENARIO_IDS.workflow, "--endpoint", emu.url, "--input", "{}", "--interval", "0.05", "--condition", 'output:/result == "x"', "--output", "github"],
    io,
  );
  expect(code).toBe(1);
  expect(out).toMatch(/^::error title=Workflow release-checks%3A FGS_GATE_REJECTED::.*output:\/result == "x"/m);
  expect(readFileSync(summary, "utf8")).toMatch(/\*\*Gate failed\*\* \(FGS_GATE_REJECTED\)/);
});
