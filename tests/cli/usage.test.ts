/**
 * Help, version and every usage/configuration error (exit 2) of the built command. Configuration errors
 * are found before any request, which the emulator's request log confirms.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "fgs-workflow-gate/emulator";
import { FLAGS } from "../../provider/cli/flags";
import { ENV_VARIABLES } from "./envVariables";
import { cliEnv, ensureBuilt, neverPrint, ROOT, runCli, startCliEmulator, target } from "./helpers";

let emu: RunningEmulator;

beforeAll(async () => {
  ensureBuilt();
  emu = await startCliEmulator();
}, 180_000);
afterAll(() => emu?.close());
beforeEach(() => emu.reset());

describe("help and version (exit 0)", () => {
  test.each([[["--help"]], [["-h"]], [["help"]]])("%j documents every flag, exit code and variable", async (args) => {
    const r = await runCli(args, {});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const f of FLAGS) expect(r.stdout).toContain(`--${f.name}`);
    for (const v of ENV_VARIABLES) expect(r.stdout).toContain(v);
    for (const code of ["0", "1", "2", "3", "4", "5"]) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
    expect(r.stdout).toContain("FGS_GATE_STALE");
    expect(r.stdout).toContain("FGS_NO_EXECUTION");
    expect(r.stdout).toContain("fgs-execution latest (--workflow-id ID | --workflow-name NAME)");
  });

  test.each(["get", "wait"])("%s --help documents its flags, the exit codes and the environment", async (command) => {
    const r = await runCli([command, "--help"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: fgs-execution ${command} --workflow-id ID --execution-id ID`);
    const flagSection = r.stdout.slice(r.stdout.indexOf("Flags:"), r.stdout.indexOf("\nOutput:"));
    for (const f of FLAGS) {
      const listed = new RegExp(`^  --${f.name}\\b`, "m");
      if (f.commands.includes(command as "get" | "wait")) expect(flagSection).toMatch(listed);
      else expect(flagSection).not.toMatch(listed);
    }
    for (const v of ENV_VARIABLES) expect(r.stdout).toContain(v);
    expect(r.stdout).toMatch(/^  4 +wait: the run was still not final/m);
    if (command === "get") expect(r.stdout).toMatch(/exits 0 whatever the\s+run's status/);
  });

  test.each(["--version", "-v"])("%s prints the package version, and help documents both", async (flag) => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = await runCli([flag], {});
    expect(r).toMatchObject({ code: 0, stdout: `fgs-workflow-gate ${pkg.version}\n`, stderr: "" });
    expect((await runCli(["--help"], {})).stdout).toMatch(/^ {2}fgs-execution -v, --version +Print the version\.$/m);
  });
});

describe("usage and configuration errors (exit 2)", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["no command", [], /^fgs-execution: FGS_USAGE: no command given: expected get, latest, wait or run \(see fgs-execution --help\)\n$/],
    ["an unknown command", ["deploy"], /^fgs-execution: FGS_USAGE: unknown command "deploy": expected get, latest, wait or run/],
    ["a missing --execution-id", ["get", "--workflow-id", "wf-deploy"], /^fgs-execution: FGS_USAGE: --execution-id is required \(see fgs-execution get --help\)\n$/],
    ["a flag without its value", ["wait", "--workflow-id", "wf", "--execution-id"], /FGS_USAGE: --execution-id needs a value \(ID\)/],
    ["an unknown flag", ["get", "--workflow-id", "w", "--execution-id", "e", "--colour"], /FGS_USAGE: unknown flag --colour/],
    ["a wait-only flag on get", ["get", "--workflow-id", "w", "--execution-id", "e", "--require", "success"], /FGS_USAGE: --require is accepted by wait and run only, not by get/],
    ["a bad number", ["wait", "--workflow-id", "w", "--execution-id", "e", "--timeout", "soon"], /FGS_USAGE: --timeout must be a number of seconds from 0 to 2147483 \(got "soon"\)/],
    ["a duration Node's timers cannot wait", ["wait", "--workflow-id", "w", "--execution-id", "e", "--timeout", "2147484"], /FGS_USAGE: --timeout must be a number of seconds from 0 to 2147483 \(got "2147484"\)/],
    ["a huge interval", ["wait", "--workflow-id", "w", "--execution-id", "e", "--interval", "99999999999999999999"], /FGS_USAGE: --interval must be a number of seconds from 0.01 to 2147483/],
    ["a negative max age", ["wait", "--workflow-id", "w", "--execution-id", "e", "--max-age", "-1"], /FGS_USAGE: --max-age must be a number of seconds from 0 to 2147483 \(got "-1"\)/],
    ["a NaN deadline", ["get", "--workflow-id", "w", "--execution-id", "e", "--deadline", "NaN"], /FGS_USAGE: --deadline must be a number of seconds from 0.001 to 2147483 \(got "NaN"\)/],
    ["an infinite request timeout", ["get", "--workflow-id", "w", "--execution-id", "e", "--request-timeout=Infinity"], /FGS_USAGE: --request-timeout must be a number of seconds from 0.001 to 2147483 \(got "Infinity"\)/],
    ["an exponent", ["wait", "--workflow-id", "w", "--execution-id", "e", "--max-interval", "1e9"], /FGS_USAGE: --max-interval must be a number of seconds/],
    ["a bad retry count", ["get", "--workflow-id", "w", "--execution-id", "e", "--max-retries", "1.5"], /FGS_USAGE: --max-retries must be a whole number from 0 to 20 \(got "1.5"\)/],
    ["a bad format", ["get", "--workflow-id", "w", "--execution-id", "e", "--output", "xml"], /FGS_USAGE: --output must be table, json or github \(got "xml"\)/],
    ["--max-interval below --interval", ["wait", "--workflow-id", "w", "--execution-id", "e", "--interval", "5", "--max-interval", "1"], /FGS_USAGE: --max-interval must be at least --interval/],
    ["a stray argument", ["get", "extra"], /FGS_USAGE: unexpected argument #2: get takes only --flags/],
    ["a repeated flag", ["get", "--workflow-id", "a", "--workflow-id", "b", "--execution-id", "e"], /FGS_USAGE: --workflow-id is given more than once/],
  ];
  test.each(cases)("%s", async (_name, args, expected) => {
    const r = await runCli(args, cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(expected);
  });

  test("a bad ID: FGS_CONFIGURATION naming the flag, and no request sent", async () => {
    const r = await runCli(["get", "--workflow-id", "../wf", "--execution-id", "e1", "--endpoint", emu.url], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: workflowId contains a character that is not allowed .* \[--workflow-id\]\n$/);
    expect(emu.requests).toHaveLength(0);
  });

  test("an unknown status in --require", async () => {
    const r = await runCli(["wait", ...target(emu, "run-success"), "--require", "succeeded"], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: requireStatus contains "succeeded", which is not a status .*\[--require\]/);
    expect(emu.requests).toHaveLength(0);
  });

  test("no credentials in the environment", async () => {
    const r = await runCli(["get", ...target(emu, "run-success")], { HW_PROJECT_ID: emu.projectId, HW_REGION_NAME: emu.region });
    expect(r.code).toBe(2);
    // Only what the command reads: environment variables, never `credentials` or stack config.
    expect(r.stderr).toBe(
      "fgs-execution: FGS_CONFIGURATION: No Huawei Cloud credentials found in the environment: set HW_ACCESS_KEY/HW_SECRET_KEY, " +
        "or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, or CLOUD_SDK_AK/CLOUD_SDK_SK (never flags; see --help)\n",
    );
    expect(r.stderr).not.toMatch(/stack config|`credentials`/);
    expect(emu.requests).toHaveLength(0);
  });

  test("a malformed HW_SECURITY_TOKEN is reported under that name, without its value", async () => {
    const token = "tok with spaces and a secret 0123456789";
    const r = await runCli(["get", ...target(emu, "run-success")], cliEnv(emu, { HW_SECURITY_TOKEN: token }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: The security token from environment variable HW_SECURITY_TOKEN is malformed: .*\n$/);
    expect(r.stderr).not.toContain("secret 0123456789");
    expect(emu.requests).toHaveLength(0);
  });

  test("half a key pair", async () => {
    const env = cliEnv(emu);
    delete env.HW_SECRET_KEY;
    const r = await runCli(["get", ...target(emu, "run-success")], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: HW_ACCESS_KEY is set in the environment but HW_SECRET_KEY is not/);
  });

  test("no region and no endpoint", async () => {
    const env = cliEnv(emu);
    delete env.HW_REGION_NAME;
    const r = await runCli(["get", "--workflow-id", "wf-deploy", "--execution-id", "run-success"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fgs-execution: FGS_CONFIGURATION: No region: .*\[--region or HW_REGION_NAME\]\n$/);
  });

  test("plain http to a remote host is refused", async () => {
    const r = await runCli(["get", "--workflow-id", "w", "--execution-id", "e", "--endpoint", "http://functiongraph.example.com"], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FGS_CONFIGURATION: endpoint uses plain http:\/\/ .*\[--endpoint or HW_FUNCTIONGRAPH_ENDPOINT\]/);
  });

  const SECRET = "FlagSecretValueThatMustNotBeEchoed42";
  test.each([
    [["--secret-key", SECRET], "--secret-key"],
    [[`--access-key=${SECRET}`], "--access-key"],
    [["--security-token", SECRET], "--security-token"],
    [["--sk", SECRET], "--sk"],
  ])("credential flags are refused without echoing the value: %j", async (flag, name) => {
    neverPrint(SECRET);
    const r = await runCli(["wait", ...target(emu, "run-success"), ...flag], cliEnv(emu));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^fgs-execution: FGS_USAGE: ${name} is refused: credentials are read only from the environment .*shell history.*process lists`));
    expect(emu.requests).toHaveLength(0);
  });
});
