/**
 * The GitHub Action's entry (action/dist/index.js, what `uses:` runs) in a simulated runner against the
 * emulator: outputs, exit code, annotations and step summary for a pass, a failure, a timeout, a stale
 * run, an inconclusive one, an API error, a bad input, a started run, and warn mode. Credentials given
 * as inputs or in env are never printed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type RunningEmulator, SCENARIO_IDS, startEmulator } from "fgs-workflow-gate/emulator";
import { runStep, type StepResult } from "./runner";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu?.close());
beforeEach(() => emu.reset());

const W = SCENARIO_IDS.workflow;
const E = SCENARIO_IDS.executions;

function credentials(): NodeJS.ProcessEnv {
  return { HW_ACCESS_KEY: emu.credentials.accessKey, HW_SECRET_KEY: emu.credentials.secretKey, HW_PROJECT_ID: emu.projectId, HW_REGION_NAME: emu.region };
}

function step(inputs: Record<string, string>, env: NodeJS.ProcessEnv = credentials()): Promise<StepResult> {
  return runStep({ endpoint: emu.url, interval: "0.05", "max-interval": "0.1", ...inputs }, env);
}

function expectNoSecret(r: StepResult): void {
  for (const text of [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)]) expect(text).not.toContain(emu.credentials.secretKey);
}

test("pass: exit 0, verdict pass, the run's ID and status, a notice and a summary", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.success });
  expect(r.code).toBe(0);
  expect(r.outputs).toEqual({ verdict: "pass", "execution-id": E.success, status: "success", reason: "" });
  expect(r.stdout).toMatch(/^::notice title=Workflow release-checks passed the gate::/m);
  expect(r.summary).toContain("**Gate passed**");
  expectNoSecret(r);
});

test("fail: exit 1, verdict fail with the reason, an error annotation per failed node", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.fail });
  expect(r.code).toBe(1);
  expect(r.outputs.verdict).toBe("fail");
  expect(r.outputs.status).toBe("fail");
  expect(r.outputs.reason).toMatch(/ended fail: node integration-tests failed/);
  expect(r.stdout).toMatch(/^::error title=Node integration-tests fail::/m);
  expect(r.summary).toContain("**Gate failed** (FGS_GATE_REJECTED)");
});

test("timeout: exit 4, verdict timeout, status running", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.running, timeout: "0.3" });
  expect(r.code).toBe(4);
  expect(r.outputs).toMatchObject({ verdict: "timeout", status: "running", "execution-id": E.running });
  expect(r.stdout).toMatch(/FGS_GATE_TIMEOUT/);
});

test("stale: exit 1, verdict stale", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.success, "max-age": "60" });
  expect(r.code).toBe(1);
  expect(r.outputs.verdict).toBe("stale");
});

test("inconclusive: exit 6, verdict inconclusive; a plain condition on a missing value fails instead", async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "fgs-action-cond-")), "conditions.json");
  writeFileSync(file, JSON.stringify([{ source: "output", path: "/coverage", gte: 80, onMissing: "inconclusive" }]));
  const r = await step({ "workflow-id": W, "execution-id": E.success, "conditions-file": file });
  expect(r.code).toBe(6);
  expect(r.outputs.verdict).toBe("inconclusive");
  expect(r.stdout).toMatch(/FGS_GATE_INCONCLUSIVE/);
  const failed = await step({ "workflow-id": W, "execution-id": E.success, condition: "output:/coverage >= 80" });
  expect([failed.code, failed.outputs.verdict]).toEqual([1, "fail"]);
});

test("API error: exit 3, verdict error, the service's code in the reason, an annotation and a summary", async () => {
  const r = await step({ "workflow-id": W, "execution-id": "exec-none", "max-retries": "0" });
  expect(r.code).toBe(3);
  expect(r.outputs).toMatchObject({ verdict: "error", "execution-id": "", status: "" });
  expect(r.outputs.reason).toMatch(/HTTP 404 FSS\.0404/);
  expect(r.stdout).toMatch(/^::error title=fgs-execution%3A API error \(FGS_API_ERROR\)::/m);
  expect(r.summary).toContain("`FGS_API_ERROR`");
});

test("a bad command input: exit 2, verdict error", async () => {
  const r = await step({ command: "deploy", "workflow-id": W });
  expect(r.code).toBe(2);
  expect(r.outputs.verdict).toBe("error");
  expect(r.stdout).toMatch(/^::error title=fgs-workflow-gate%3A bad input::input command must be one of wait, get, latest, run/m);
});

test("warn mode covers a bad input too: exit 0, verdict error, a warning", async () => {
  const r = await step({ command: "deploy", mode: "warn" });
  expect(r.code).toBe(0);
  expect(r.outputs.verdict).toBe("error");
  expect(r.stdout).toMatch(/^::warning title=fgs-workflow-gate%3A bad input::/m);
});

test("a missing input is a usage error naming the input's flag", async () => {
  const r = await step({ "workflow-id": W });
  expect(r.code).toBe(2);
  expect(r.outputs.reason).toMatch(/--execution-id is required/);
});

test("run: starts the run, the started run's ID in the outputs, conditions one per line", async () => {
  const r = await step({
    command: "run",
    "workflow-name": "release-checks",
    input: '{"scenario":"success"}',
    condition: 'output:/result == "passed"\nnode[integration-tests]:/failed <= 0\n',
    "require-node": "integration-tests\nunit-tests=success",
  });
  expect(r.code).toBe(0);
  expect(r.outputs.verdict).toBe("pass");
  expect(r.outputs["execution-id"]).toBe(emu.runs[0]?.executionId);
  expect(r.stdout).toMatch(/^::notice title=Run started::Execution /m);
});

test("warn mode: the step passes, the verdict is in the outputs, annotations are warnings", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.fail, mode: "warn" });
  expect(r.code).toBe(0);
  expect(r.outputs.verdict).toBe("fail");
  expect(r.stdout).not.toMatch(/^::error /m);
  expect(r.stdout).toMatch(/^::warning title=fgs-workflow-gate%3A fail::mode is warn/m);
});

test("credentials as inputs (from secrets) work and are never printed", async () => {
  const r = await step(
    { "workflow-id": W, "execution-id": "exec-none", "max-retries": "0", "access-key": emu.credentials.accessKey, "secret-key": emu.credentials.secretKey, debug: "true" },
    { HW_PROJECT_ID: emu.projectId, HW_REGION_NAME: emu.region },
  );
  expect(r.code).toBe(3);
  expect(r.outputs.reason).toMatch(/HTTP 404/);
  expectNoSecret(r);
});

test("no credentials at all: a configuration error naming the variables", async () => {
  const r = await step({ "workflow-id": W, "execution-id": E.success }, { HW_PROJECT_ID: emu.projectId, HW_REGION_NAME: emu.region });
  expect(r.code).toBe(2);
  expect(r.outputs.verdict).toBe("error");
  expect(r.outputs.reason).toMatch(/HW_ACCESS_KEY\/HW_SECRET_KEY/);
});
