/**
 * `runningPulumiProgram()` asks the Pulumi runtime whether a program runs (a resource monitor is connected,
 * or mocks are set), so a script that merely loaded @pulumi/pulumi is not taken for a program. Each case
 * runs in a fresh node process: jest's module registry is not Node's `require.cache`.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { cleanEnv, REPO_ROOT, requireBuiltRuntime } from "./harness/build";

const context = path.join(REPO_ROOT, "dist/provider/context.js");

function detect(setup: string): string {
  const script = `${setup}\nconst { runningPulumiProgram } = require(${JSON.stringify(context)});\n` +
    'const p = runningPulumiProgram();\nconsole.log(p === undefined ? "none" : typeof p.log.info + " " + typeof p.Config);';
  return execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, env: cleanEnv(), encoding: "utf8" }).trim();
}

beforeAll(requireBuiltRuntime);

test("a plain script: no program, and @pulumi/pulumi is not loaded by asking", () => {
  const out = detect('process.on("exit", () => console.log(Object.keys(require.cache).some((k) => k.includes("@pulumi"))));');
  expect(out.split("\n")).toEqual(["none", "false"]);
});

test("a script that loaded @pulumi/pulumi is still not a program", () => {
  expect(detect('require("@pulumi/pulumi");')).toBe("none");
});

test("a program under setMocks is one: the runtime has a monitor", () => {
  const setup = 'require("@pulumi/pulumi").runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: () => ({}) });';
  expect(detect(setup)).toBe("function function");
});

test("a plain script that loaded @pulumi/pulumi warns on stderr, not through pulumi.log", () => {
  const dist = (p: string) => JSON.stringify(path.join(REPO_ROOT, "dist", p));
  const script = `require("@pulumi/pulumi");
const { startEmulator, SCENARIO_IDS } = require(${dist("emulator/index.js")});
const { getWorkflowExecution } = require(${dist("provider/index.js")});
(async () => {
  const em = await startEmulator();
  try {
    await getWorkflowExecution({ endpoint: em.url, projectId: em.projectId, credentials: em.credentials,
      workflowId: SCENARIO_IDS.workflow, executionId: SCENARIO_IDS.executions.fail, requireStatus: "success", mode: "warn" });
  } finally { await em.close(); }
})();`;
  const result = require("child_process").spawnSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, env: cleanEnv(), encoding: "utf8" });
  expect(result.stderr).toMatch(/^warning: FGS_GATE_REJECTED/m);
  expect(result.stderr).not.toContain("[runtime]");
  expect(result.stdout).toBe("");
});
