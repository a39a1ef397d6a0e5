/**
 * One home for the credential variable names (issue 15): the resolver reads exactly the sources listed
 * in config/credentialNames.ts, and everything that names or scrubs credentials derives from that list,
 * so a source added there is read, documented and scrubbed, and no source exists outside it.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { refuseCredentialFlags } from "../../provider/cli/credentialFlags";
import { ENVIRONMENT_HELP } from "../../provider/cli/help";
import { makeEnvScrubber } from "../../provider/cli/envScrubber";
import { CREDENTIAL_CONFIG_KEYS, CREDENTIAL_ENV_SOURCES, CREDENTIAL_ENV_VARIABLES } from "../../provider/config/credentialNames";
import { resolveCredentials } from "../../provider/config/credentials";
import { isConfigurationError } from "../../provider/errors";
import { validateInputs } from "../../provider/pulumi/validate";

const ROOT = path.resolve(__dirname, "..", "..");

test("the variables are exactly those of the sources, in order", () => {
  expect(CREDENTIAL_ENV_VARIABLES).toEqual([
    "HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_SECURITY_TOKEN",
    "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
    "CLOUD_SDK_AK", "CLOUD_SDK_SK",
  ]);
});

test.each(CREDENTIAL_ENV_SOURCES.map((s) => [s.accessKey, s]))("the resolver reads the source %s", (_name, source) => {
  const env: NodeJS.ProcessEnv = { [source.accessKey]: "AKSOURCE", [source.secretKey]: "sk-source-value" };
  if (source.securityToken) env[source.securityToken] = "token-source-value";
  const c = resolveCredentials(undefined, undefined, env);
  expect(c).toEqual({ accessKey: "AKSOURCE", secretKey: "sk-source-value", ...(source.securityToken ? { securityToken: "token-source-value" } : {}) });
});

test("stack config keys are read only when a config source is given", () => {
  const config = { get: (k: string) => ({ [CREDENTIAL_CONFIG_KEYS.accessKey]: "AKCFG", [CREDENTIAL_CONFIG_KEYS.secretKey]: "cfg-sk" })[k] };
  expect(resolveCredentials(undefined, config, {}).accessKey).toBe("AKCFG");
});

test("the CLI scrubs the value of every credential variable from its output", () => {
  const env = Object.fromEntries(CREDENTIAL_ENV_VARIABLES.map((n, i) => [n, `${i}`.repeat(4) + "Zq8pX".repeat(i + 1)]));
  const scrub = makeEnvScrubber(env);
  const text = CREDENTIAL_ENV_VARIABLES.map((n) => `${n}=${env[n]}`).join(" ");
  expect(scrub(text)).toBe(CREDENTIAL_ENV_VARIABLES.map((n) => `${n}=[redacted]`).join(" "));
});

test("help lists every variable, and the refusal of a credential flag names them all", () => {
  for (const name of CREDENTIAL_ENV_VARIABLES) expect(ENVIRONMENT_HELP).toContain(name);
  let message = "";
  try {
    refuseCredentialFlags(["--secret-key", "x"]);
  } catch (e) {
    message = (e as Error).message;
  }
  for (const name of CREDENTIAL_ENV_VARIABLES) expect(message).toContain(name);
});

test("the Pulumi layer's refusal of a credential input points to the listed names", () => {
  const [failure] = validateInputs({ workflowId: "w", executionId: "e", secretKey: "x" });
  expect(failure?.reason).toContain(CREDENTIAL_CONFIG_KEYS.accessKey);
  expect(failure?.reason).toContain((CREDENTIAL_ENV_SOURCES[0] as { accessKey: string }).accessKey);
});

test("a malformed value is reported under the variable it came from, never echoed", () => {
  const cases: Array<[NodeJS.ProcessEnv, string]> = [
    [{ HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "sk", HW_SECURITY_TOKEN: "tok en secret-123" }, "HW_SECURITY_TOKEN"],
    [{ HUAWEICLOUD_SDK_AK: "A K secret-123", HUAWEICLOUD_SDK_SK: "sk" }, "HUAWEICLOUD_SDK_AK"],
    [{ CLOUD_SDK_AK: "AK", CLOUD_SDK_SK: "x".repeat(1025) }, "CLOUD_SDK_SK"],
  ];
  for (const [env, name] of cases) {
    try {
      resolveCredentials(undefined, undefined, env);
      throw new Error("expected a ConfigurationError");
    } catch (e) {
      expect(isConfigurationError(e)).toBe(true);
      expect((e as { setting?: string }).setting).toBe(name);
      expect((e as Error).message).toContain(`environment variable ${name}`);
      expect((e as Error).message).not.toContain("secret-123");
    }
  }
});

/** Source files that must take the names from credentialNames.ts instead of spelling them out. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourcesUnder(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : [],
  );
}

test("no CLI, config or validation source spells out a credential variable (one home)", () => {
  const files = [...sourcesUnder("provider/cli"), ...sourcesUnder("provider/config"), "provider/pulumi/validate.ts"].filter(
    (f) => !f.endsWith("credentialNames.ts"),
  );
  // Comments may name them as examples; code may not.
  const code = (f: string) => readFileSync(path.join(ROOT, f), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const spelled = files.filter((f) => CREDENTIAL_ENV_VARIABLES.some((n) => new RegExp(`\\b${n}\\b`).test(code(f))));
  expect(spelled).toEqual([]);
});
