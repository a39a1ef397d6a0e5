/**
 * The examples run as written. Static: each example's Pulumi.yaml (config schema included) is satisfied
 * by the stack config its README sets, and each program type-checks. Dynamic: each program runs with that
 * config (its README's first `pulumi up`), against the emulator, every dynamic resource through the real
 * provider host (the mini engine), and succeeds.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "./harness/build";
import { SCENARIO_IDS, credentialEnv, startTestEmulator, type Emulator } from "./harness/emulator";
import * as engine from "./harness/engine";
import { exampleProjects, typeProblem } from "./harness/exampleProjects";
import { startHost, type ProviderHost } from "./harness/host";
import { useMiniEngine } from "./harness/miniEngine";
import { valueOf } from "./harness/outputs";

const projects = exampleProjects();

test("every example project is found", () => {
  expect(projects.map((p) => p.name).sort()).toEqual(["fgs-execution-outputs", "fgs-gate-latest", "fgs-run-and-gate", "fgs-workflow-gate"]);
});

describe.each(projects.map((p) => [p.file, p] as const))("%s", (_file, project) => {
  test("the README's stack config satisfies the config schema", () => {
    const problems: string[] = [];
    for (const [key, schema] of Object.entries(project.config)) {
      const value = project.readmeConfig[key];
      if (value === undefined && schema.default === undefined) problems.push(`${key} is required (no default) but the README never sets it`);
      const problem = value === undefined ? undefined : typeProblem(schema, value);
      if (problem) problems.push(`${key} ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  test("the program type-checks", () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO_ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const program = ts.createProgram([project.programFile], { ...config!.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.startsWith(project.programDir));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });
});

describe("each program runs with its README's config against the emulator", () => {
  let emulator: Emulator;
  let host: ProviderHost;
  const saved = { ...process.env };

  beforeAll(async () => {
    requireBuiltRuntime();
    emulator = await startTestEmulator();
    // The README pastes the emulator's export line: credentials, project and region in the environment.
    const exported = { ...credentialEnv(emulator), HW_PROJECT_ID: SCENARIO_IDS.projectId, HW_REGION_NAME: emulator.region };
    Object.assign(process.env, exported);
    host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...exported, PULUMI_NODEJS_PROJECT: "examples" }) });
    await engine.configure(host, {});
  });
  afterAll(async () => {
    process.env = saved;
    host?.kill();
    await emulator?.close();
  });

  test.each(projects.map((p) => [p.name, p] as const))("%s", async (_name, project) => {
    const steps = await useMiniEngine(host, { project: project.name, preview: project.firstCommand === "preview" });
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(project.readmeConfig)) {
      // The README's emulator listens on 9000; this one on a free port.
      config[`${project.name}:${key}`] = value.replace("http://127.0.0.1:9000", emulator.url);
    }
    pulumi.runtime.setAllConfig(config);
    const outputs = require(project.programFile) as Record<string, pulumi.Output<unknown>>;
    for (const output of Object.values(outputs)) await valueOf(output);
    expect(steps.filter((s) => s.error !== undefined)).toEqual([]);
  });
});
