/**
 * `examples/run-and-gate` as its README runs it: the first up starts one run and creates the release; a
 * new version whose run fails leaves the release alone. Mini engine (the real provider host) against the
 * emulator, which counts the starts.
 */
import * as pulumi from "@pulumi/pulumi";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { startHost, type ProviderHost } from "./harness/host";
import { useMiniEngine } from "./harness/miniEngine";
import { quiet, valueOf } from "./harness/outputs";
import { collectUnhandledRejections } from "./harness/rejections";

const PROJECT = "fgs-run-and-gate";
let emulator: Emulator;
let host: ProviderHost;

beforeAll(async () => {
  requireBuiltRuntime();
  emulator = await startTestEmulator();
  host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...credentialEnv(emulator), HW_PROJECT_ID: SCENARIO_IDS.projectId, PULUMI_NODEJS_PROJECT: PROJECT }) });
  await engine.configure(host, {});
});
afterAll(async () => {
  host?.kill();
  await emulator?.close();
});

function config(extra: Record<string, string> = {}) {
  pulumi.runtime.setAllConfig({ [`${PROJECT}:workflowId`]: SCENARIO_IDS.workflow, [`${PROJECT}:endpoint`]: emulator.url, ...extra });
}

test("up: one run started, gated, then the release created", async () => {
  emulator.reset();
  const steps = await useMiniEngine(host, { project: PROJECT });
  config();
  const program = require("../../examples/run-and-gate") as Record<string, pulumi.Output<unknown>>;
  expect(await valueOf(program.checksStatus)).toBe("success");
  expect(await valueOf(program.releaseId)).toBe("release-1.0.0");
  expect(emulator.countRequests({ route: "startExecution" })).toBe(1);
  expect(emulator.runs[0].input).toEqual({ version: "1.0.0" });
  expect(steps.map((s) => `${s.op}:${s.name}`)).toEqual(["create:release-checks", "create:release"]);
});

test("a new version whose run fails: the release is not touched", async () => {
  emulator.reset();
  const steps = await useMiniEngine(host, { project: PROJECT });
  config({ [`${PROJECT}:version`]: "1.1.0", [`${PROJECT}:runInput`]: JSON.stringify({ scenario: "fail-at-integration" }) });
  const { result } = await collectUnhandledRejections(async () => {
    let program: Record<string, pulumi.Output<unknown>> = {};
    jest.isolateModules(() => {
      program = require("../../examples/run-and-gate");
    });
    quiet(...Object.values(program));
    return valueOf(program.checksStatus).catch((e: Error) => e);
  }, 500);
  expect(String(result)).toContain("node integration-tests failed");
  expect(emulator.countRequests({ route: "startExecution" })).toBe(1);
  expect(steps.map((s) => s.name)).not.toContain("release");
});
