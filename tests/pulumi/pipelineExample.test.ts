/**
 * Runs `examples/pipeline/gate-then-deploy.sh` as written, with the built `fgs-execution` command, against
 * the emulator, and a stub `pulumi` on PATH that only records its arguments: `pulumi up` must run after a
 * passing gate and never after a failing one, and the script must exit with the gate's code.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT, cleanEnv } from "./harness/build";
import { SCENARIO_IDS, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";

const script = path.join(REPO_ROOT, "examples/pipeline/gate-then-deploy.sh");
let emulator: Emulator;
let stubDir: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist/provider/cli/main.js"))) {
    throw new Error('dist/provider/cli is missing: run "npm run build" first');
  }
  emulator = await startTestEmulator();
  stubDir = fs.mkdtempSync(path.join(os.tmpdir(), "fgs-pipeline-"));
  fs.writeFileSync(path.join(stubDir, "pulumi"), `#!/usr/bin/env bash\necho "pulumi $*" >> "${stubDir}/calls"\n`, { mode: 0o755 });
});
afterAll(async () => {
  await emulator?.close();
  if (stubDir) fs.rmSync(stubDir, { recursive: true, force: true });
});

/** Runs the script asynchronously (the emulator lives in this process and must keep answering). */
function run(executionId: string): Promise<{ code: number; output: string; pulumiCalls: string[] }> {
  fs.rmSync(path.join(stubDir, "calls"), { force: true });
  const env = cleanEnv({
    ...credentialEnv(emulator),
    PATH: `${stubDir}:${process.env.PATH}`,
    HW_PROJECT_ID: SCENARIO_IDS.projectId,
    WORKFLOW_ID: SCENARIO_IDS.workflow,
    EXECUTION_ID: executionId,
    PULUMI_STACK: "emulator",
    FGS_ENDPOINT: emulator.url,
    GATE_TIMEOUT: "2",
    FGS_EXECUTION: `${process.execPath} bin/fgs-execution.js`,
  });
  return new Promise((resolve) => {
    execFile("bash", [script], { cwd: REPO_ROOT, env }, (err, stdout, stderr) => {
      const callsFile = path.join(stubDir, "calls");
      const calls = fs.existsSync(callsFile) ? fs.readFileSync(callsFile, "utf8").trim().split("\n") : [];
      resolve({ code: err ? Number(err.code) : 0, output: stdout + stderr, pulumiCalls: calls });
    });
  });
}

test("a successful run: the gate passes, then the stack is pointed at the run and deployed", async () => {
  const r = await run(SCENARIO_IDS.executions.success);
  expect(r.code).toBe(0);
  expect(r.pulumiCalls).toContain(`pulumi config set --stack emulator executionId ${SCENARIO_IDS.executions.success}`);
  expect(r.pulumiCalls[r.pulumiCalls.length - 1]).toBe("pulumi up --stack emulator --yes --non-interactive");
});

test.each([
  [SCENARIO_IDS.executions.fail, 1, /integration-tests/],
  [SCENARIO_IDS.executions.running, 4, /still running/],
])("%s: exit %d and no pulumi command at all", async (executionId, code, message) => {
  const r = await run(executionId);
  expect(r.code).toBe(code);
  expect(r.output).toMatch(message);
  expect(r.pulumiCalls).toEqual([]);
  expect(r.output).not.toContain(emulator.credentials.secretKey);
});
