/**
 * One test that runs everything with recognizable credentials (support/canary.ts) and then searches
 * every text it produced: success and every fault row of the matrix in-process (errors in all their
 * text forms, results, debug lines, gate warnings and progress), configuration errors from the
 * environment, the CLI's stdout and stderr (get and wait, every exit code), the serialized dynamic
 * provider, and what the engine-level harness gets back from the real provider host (state, errors,
 * the host's own output). The secret key and the security token must appear nowhere; the access key
 * only inside the Authorization header of the requests the emulator received.
 */
import { isConfigurationError, isTransportError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import type { GetWorkflowExecutionArgs } from "../../provider/args";
import { WORKFLOW_EXECUTION_TYPE } from "../../provider/pulumi/resource";
import { REPO_ROOT, cleanEnv, requireBuiltRuntime } from "../pulumi/harness/build";
import * as engine from "../pulumi/harness/engine";
import { startHost, type ProviderHost } from "../pulumi/harness/host";
import { secretValue } from "../pulumi/harness/proto";
import { CANARY, errorTexts, leaksIn, wireLeaks } from "./support/canary";
import { requireBuiltCli, runCli, type CliRun } from "./support/cli";
import { FAULT_ROWS } from "./support/faultRows";
import { GATE_RUNS, PROJECT, WORKFLOW, isolatedContext, runRow, startFaultWorld, type FaultWorld } from "./support/faultWorld";

interface Text {
  source: string;
  text: string;
}

const CANARY_ENV = { HW_ACCESS_KEY: CANARY.accessKey, HW_SECRET_KEY: CANARY.secretKey, HW_SECURITY_TOKEN: CANARY.securityToken };

/** Reads with the canary credentials, recording the result or every text form of the error. */
async function readInProcess(world: FaultWorld, texts: Text[], source: string, args: Partial<GetWorkflowExecutionArgs>, env?: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const events: unknown[] = [];
  try {
    const result = await getWorkflowExecution(
      {
        endpoint: world.emulator.url,
        projectId: PROJECT,
        workflowId: WORKFLOW,
        executionId: GATE_RUNS.success,
        credentials: env ? undefined : { ...CANARY },
        onProgress: (e) => events.push(e),
        ...args,
      },
      isolatedContext(lines, { env: env ?? {}, policy: { random: () => 0 } }),
    );
    texts.push({ source: `${source}: result`, text: JSON.stringify(result) });
    return { result };
  } catch (error) {
    errorTexts(error).forEach((text, i) => texts.push({ source: `${source}: error form ${i}`, text }));
    return { error };
  } finally {
    lines.forEach((text) => texts.push({ source: `${source}: debug/log line`, text }));
    texts.push({ source: `${source}: progress events`, text: JSON.stringify(events) });
  }
}

async function inProcessPaths(world: FaultWorld, texts: Text[]) {
  // Every row of the fault matrix.
  for (const row of FAULT_ROWS) {
    const run = await runRow(world, row);
    if (run.result) texts.push({ source: `row ${row.id}: result`, text: JSON.stringify(run.result) });
    if (run.error) errorTexts(run.error).forEach((text, i) => texts.push({ source: `row ${row.id}: error form ${i}`, text }));
    run.debug.forEach((text) => texts.push({ source: `row ${row.id}: debug line`, text }));
    expect([row.id, run.debug.length > 0]).toEqual([row.id, true]);
  }
  const fast = { minIntervalSeconds: 0.01, maxIntervalSeconds: 0.02 };
  const ok = await readInProcess(world, texts, "wait for success", { requireStatus: "success", waitForCompletion: { timeoutSeconds: 2, ...fast } });
  expect(ok.result?.succeeded).toBe(true);
  const rejected = await readInProcess(world, texts, "gate on a failed run", { executionId: GATE_RUNS.fail, requireStatus: "success" });
  expect(isWorkflowGateError(rejected.error)).toBe(true);
  const stillRunning = await readInProcess(world, texts, "wait times out", {
    executionId: GATE_RUNS.running,
    requireStatus: "success",
    waitForCompletion: { timeoutSeconds: 0.1, ...fast },
  });
  expect(isWorkflowGateError(stillRunning.error)).toBe(true);
  const warned = await readInProcess(world, texts, "warn mode", { executionId: GATE_RUNS.fail, requireStatus: "success", mode: "warn" });
  expect(warned.result?.status).toBe("fail");
  const stale = await readInProcess(world, texts, "stale run", { requireStatus: "success", notBefore: new Date() });
  expect(isWorkflowGateError(stale.error)).toBe(true);
  const discovered = await readInProcess(world, texts, "project discovery", { projectId: undefined, region: "cn-north-4" });
  expect(discovered.result?.succeeded).toBe(true);
  const noProject = await readInProcess(world, texts, "no project for the region", { projectId: undefined, region: "ap-southeast-1" });
  expect(isConfigurationError(noProject.error)).toBe(true);
  const aborted = await readInProcess(world, texts, "cancelled", { signal: AbortSignal.abort() });
  expect(isTransportError(aborted.error)).toBe(true);
  // Credentials from the environment: good, half a pair, a malformed token.
  const fromEnv = await readInProcess(world, texts, "credentials from the environment", {}, CANARY_ENV);
  expect(fromEnv.result?.succeeded).toBe(true);
  const half = await readInProcess(world, texts, "half a key pair in the environment", {}, { HW_SECRET_KEY: CANARY.secretKey });
  expect(isConfigurationError(half.error)).toBe(true);
  const badToken = await readInProcess(world, texts, "malformed token in the environment", {}, { ...CANARY_ENV, HW_SECURITY_TOKEN: `${CANARY.securityToken}\r\nX-Injected: 1` });
  expect(isConfigurationError(badToken.error)).toBe(true);
}

async function cliPaths(world: FaultWorld, texts: Text[]) {
  const at = ["--endpoint", world.emulator.url, "--project-id", PROJECT, "--workflow-id", WORKFLOW];
  const runs: Array<[string[], Record<string, string>, number]> = [
    [["get", ...at, "--execution-id", GATE_RUNS.success, "--output", "json", "--debug"], CANARY_ENV, 0],
    [["get", ...at, "--execution-id", GATE_RUNS.success, "--debug"], CANARY_ENV, 0],
    [["wait", ...at, "--execution-id", GATE_RUNS.success, "--require", "success", "--debug"], CANARY_ENV, 0],
    [["wait", ...at, "--execution-id", GATE_RUNS.fail, "--require", "success", "--debug"], CANARY_ENV, 1],
    [["wait", ...at, "--execution-id", GATE_RUNS.running, "--timeout", "0.3", "--interval", "0.05", "--debug"], CANARY_ENV, 4],
    [["get", ...at, "--execution-id", "r401", "--debug"], CANARY_ENV, 3],
    [["get", ...at, "--execution-id", "html-502", "--max-retries", "0", "--debug"], CANARY_ENV, 3],
    [["get", ...at, "--execution-id", "truncated-json", "--output", "json", "--debug"], CANARY_ENV, 3],
    [["get", ...at, "--execution-id", "reset-before-always", "--max-retries", "0", "--debug"], CANARY_ENV, 3],
    [["get", "--endpoint", `http://127.0.0.1:${world.closedPort}`, "--project-id", PROJECT, "--workflow-id", WORKFLOW, "--execution-id", "x", "--max-retries", "0", "--debug"], CANARY_ENV, 3],
    [["get", "--endpoint", world.rogueEcho.url, "--project-id", PROJECT, "--workflow-id", WORKFLOW, "--execution-id", "echo", "--max-retries", "0", "--debug"], CANARY_ENV, 3],
    [["get", ...at, "--execution-id", "a/b", "--debug"], CANARY_ENV, 2],
    [["get", ...at, "--execution-id", GATE_RUNS.success, "--debug"], { ...CANARY_ENV, HW_SECURITY_TOKEN: `${CANARY.securityToken}\nX-Injected: 1` }, 2],
    [["get", ...at, "--execution-id", GATE_RUNS.success, "--debug"], { HW_SECRET_KEY: CANARY.secretKey }, 2],
  ];
  const results: CliRun[] = await Promise.all(runs.map(([args, env]) => runCli(args, env)));
  results.forEach((r, i) => {
    const label = `cli ${r.args.slice(0, 1).join(" ")} ${r.args[r.args.indexOf("--execution-id") + 1]} (#${i})`;
    texts.push({ source: `${label}: stdout`, text: r.stdout }, { source: `${label}: stderr`, text: r.stderr });
    expect([label, r.code]).toEqual([label, runs[i][2]]);
  });
  // The debug runs really printed per-attempt lines, so the check covered debug output.
  expect(results[0].stderr).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/v2\//);
}

async function serializedProvider(texts: Text[]) {
  const pulumi = await import("@pulumi/pulumi");
  const { workflowExecutionProvider } = await import("../../provider/pulumi/provider");
  const saved = { ...process.env };
  Object.assign(process.env, CANARY_ENV);
  try {
    const sf = await pulumi.runtime.serializeFunction(() => workflowExecutionProvider, { allowSecrets: true });
    texts.push({ source: "serialized provider", text: sf.text });
    expect(sf.containsSecrets).toBe(false);
    return sf.text;
  } finally {
    for (const k of Object.keys(CANARY_ENV)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

async function engineLevel(world: FaultWorld, providerText: string, texts: Text[]): Promise<ProviderHost> {
  const host = await startHost({ cwd: REPO_ROOT, env: cleanEnv({ ...CANARY_ENV, PULUMI_NODEJS_PROJECT: "fgs-gate-test" }) });
  await engine.configure(host, {
    "huaweicloud:accessKey": secretValue(CANARY.accessKey),
    "huaweicloud:secretKey": secretValue(CANARY.secretKey),
    "huaweicloud:securityToken": secretValue(CANARY.securityToken),
  });
  const urn = engine.urnOf(WORKFLOW_EXECUTION_TYPE, "gate");
  const props = (extra: Record<string, unknown>) => ({ endpoint: world.emulator.url, projectId: PROJECT, workflowId: WORKFLOW, ...extra, __provider: providerText });
  const reads: Array<[string, Record<string, unknown>, boolean]> = [
    [GATE_RUNS.success, { requireStatus: "success" }, true],
    [GATE_RUNS.fail, { requireStatus: "success" }, false],
    [GATE_RUNS.running, { requireStatus: "success" }, false],
    ["r401", {}, false],
    ["html-502", { maxRetries: 0 }, false],
    ["truncated-json", {}, false],
  ];
  // And a proxy that echoes the credentials back.
  reads.push(["echo", { endpoint: world.rogueEcho.url, maxRetries: 0 }, false]);
  for (const [id, extra, ok] of reads) {
    const succeeded = await engine.read(host, urn, id, props(extra)).then(
      (res) => {
        texts.push({ source: `engine read ${id}: state`, text: JSON.stringify(res) });
        return true;
      },
      (e: { details?: string; message?: string }) => {
        texts.push({ source: `engine read ${id}: error`, text: `${e.details ?? ""}\n${e.message ?? String(e)}` });
        return false;
      },
    );
    expect([id, succeeded]).toEqual([id, ok]);
  }
  const checked = await engine.check(host, urn, {}, props({ executionId: "a/b" }));
  texts.push({ source: "engine check: failures", text: JSON.stringify(checked) });
  texts.push({ source: "provider host output", text: host.output() });
  return host;
}

test("the secret key and the security token appear nowhere; the access key only inside Authorization", async () => {
  requireBuiltCli();
  requireBuiltRuntime();
  const texts: Text[] = [];
  const world = await startFaultWorld(FAULT_ROWS);
  let host: ProviderHost | undefined;
  try {
    await inProcessPaths(world, texts);
    await cliPaths(world, texts);
    const providerText = await serializedProvider(texts);
    host = await engineLevel(world, providerText, texts);

    const leaks = texts.flatMap(({ source, text }) => leaksIn(text).map((needle) => `${source}: ${needle}`));
    expect(leaks).toEqual([]);
    // On the wire: AK only in Authorization, token only in X-Security-Token, secret key nowhere.
    expect(wireLeaks(world.emulator.requests)).toEqual([]);
    // The canaries did travel where they must (the search above was not vacuous).
    const signed = world.emulator.requests.filter((r) => r.headers.authorization !== undefined);
    expect(signed.length).toBeGreaterThan(50);
    expect(signed.every((r) => r.headers.authorization.includes(`Access=${CANARY.accessKey},`))).toBe(true);
    expect(signed.every((r) => r.headers["x-security-token"] === CANARY.securityToken)).toBe(true);
    expect(world.otherHost.hits).toEqual([]);
    expect(world.otherPort.hits).toEqual([]);
    console.log(`secrets: searched ${texts.length} texts (${texts.reduce((n, t) => n + t.text.length, 0)} characters) and ${world.emulator.requests.length} recorded requests`);
  } finally {
    host?.kill();
    await world.close();
  }
}, 120_000);
