/** Resolution order and checks of credentials, region, project and endpoint; no value ever in a message. */
import { resolveSettings } from "../../provider/config/settings";
import { checkEndpoint } from "../../provider/config/endpoint";
import { isConfigurationError } from "../../provider/errors";
import type { ConfigSource } from "../../provider/context";

const SK = "SECRETVALUE-do-not-print-0123456789";
const config = (values: Record<string, string>): ConfigSource => ({ get: (k) => values[k] });

function expectConfigError(fn: () => unknown, setting: string, mention: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(isConfigurationError(e)).toBe(true);
    expect((e as { setting?: string }).setting).toBe(setting);
    expect((e as Error).message).toMatch(mention);
    expect((e as Error).message).not.toContain(SK);
    return;
  }
  throw new Error("expected a ConfigurationError");
}

describe("credentials order", () => {
  const env = {
    HW_ACCESS_KEY: "HWAK",
    HW_SECRET_KEY: "hwsk",
    HUAWEICLOUD_SDK_AK: "SDKAK",
    HUAWEICLOUD_SDK_SK: "sdksk",
    CLOUD_SDK_AK: "CLOUDAK",
    CLOUD_SDK_SK: "cloudsk",
    HW_REGION_NAME: "cn-north-4",
  };
  test("explicit arguments win over everything", () => {
    const s = resolveSettings({ credentials: { accessKey: "ARGAK", secretKey: "argsk" } }, config({ "huaweicloud:accessKey": "CFGAK", "huaweicloud:secretKey": "c" }), env);
    expect(s.credentials).toEqual({ accessKey: "ARGAK", secretKey: "argsk" });
  });
  test("stack config before HW_*", () => {
    const s = resolveSettings({}, config({ "huaweicloud:accessKey": "CFGAK", "huaweicloud:secretKey": "cfgsk", "huaweicloud:securityToken": "tok" }), env);
    expect(s.credentials).toEqual({ accessKey: "CFGAK", secretKey: "cfgsk", securityToken: "tok" });
  });
  test("HW_* before HUAWEICLOUD_SDK_* before CLOUD_SDK_*", () => {
    expect(resolveSettings({}, undefined, env).credentials.accessKey).toBe("HWAK");
    const { HW_ACCESS_KEY: _a, HW_SECRET_KEY: _b, ...rest } = env;
    expect(resolveSettings({}, undefined, rest).credentials.accessKey).toBe("SDKAK");
    const { HUAWEICLOUD_SDK_AK: _c, HUAWEICLOUD_SDK_SK: _d, ...last } = rest;
    expect(resolveSettings({}, undefined, last).credentials).toEqual({ accessKey: "CLOUDAK", secretKey: "cloudsk" });
  });
  test("security token comes from the same source as the pair", () => {
    const s = resolveSettings({}, undefined, { ...env, HW_SECURITY_TOKEN: "hwtoken", HUAWEICLOUD_SDK_SECURITY_TOKEN: "other" });
    expect(s.credentials.securityToken).toBe("hwtoken");
  });
  test("a half pair is an error naming the missing variable, not a fall-through", () => {
    expectConfigError(() => resolveSettings({}, undefined, { HW_ACCESS_KEY: "A", HUAWEICLOUD_SDK_AK: "B", HUAWEICLOUD_SDK_SK: SK, HW_REGION_NAME: "cn-north-4" }), "HW_SECRET_KEY", /HW_ACCESS_KEY is set .* but HW_SECRET_KEY is not/);
  });
  test("no credentials at all names every place to set them", () => {
    expectConfigError(() => resolveSettings({ region: "cn-north-4" }, undefined, {}), "credentials", /HW_ACCESS_KEY.*HUAWEICLOUD_SDK_AK.*CLOUD_SDK_AK/);
  });
  test("without stack config, the message does not send the user there", () => {
    expectConfigError(() => resolveSettings({ region: "cn-north-4" }, undefined, {}), "credentials", /^No Huawei Cloud credentials found: pass `credentials`, or set HW_ACCESS_KEY\/HW_SECRET_KEY /);
    expectConfigError(() => resolveSettings({ region: "cn-north-4" }, config({}), {}), "credentials", /stack config huaweicloud:accessKey\/huaweicloud:secretKey/);
  });
  test("a malformed value is reported under the variable or key it was read from", () => {
    const region = { HW_REGION_NAME: "cn-north-4" };
    expectConfigError(() => resolveSettings({}, undefined, { ...region, HW_ACCESS_KEY: "AK", HW_SECRET_KEY: SK, HW_SECURITY_TOKEN: `t ${SK}` }), "HW_SECURITY_TOKEN", /^The security token from environment variable HW_SECURITY_TOKEN is malformed/);
    expectConfigError(() => resolveSettings({}, undefined, { ...region, HUAWEICLOUD_SDK_AK: "A/K", HUAWEICLOUD_SDK_SK: SK }), "HUAWEICLOUD_SDK_AK", /^The access key from environment variable HUAWEICLOUD_SDK_AK is malformed/);
    expectConfigError(() => resolveSettings({}, config({ "huaweicloud:accessKey": "AK", "huaweicloud:secretKey": SK, "huaweicloud:securityToken": "a\nb" }), region), "huaweicloud:securityToken", /^The security token from stack config huaweicloud:securityToken is malformed/);
  });
  test("a token with a newline is refused without echoing it", () => {
    expectConfigError(() => resolveSettings({ region: "cn-north-4", credentials: { accessKey: "AK", secretKey: SK, securityToken: `x\r\nX-Evil: ${SK}` } }, undefined, {}), "securityToken", /printable ASCII/);
  });
  test("an access key with spaces is refused", () => {
    expectConfigError(() => resolveSettings({ region: "cn-north-4", credentials: { accessKey: "A K", secretKey: SK } }, undefined, {}), "accessKey", /malformed/);
  });
});

describe("region, project and endpoint", () => {
  const creds = { credentials: { accessKey: "AK", secretKey: SK } };
  test("the endpoint defaults to the regional FunctionGraph host over https", () => {
    const s = resolveSettings({ ...creds, region: "ap-southeast-1", projectId: "p1" }, undefined, {});
    expect(s.endpoint.href).toBe("https://functiongraph.ap-southeast-1.myhuaweicloud.com/");
    expect(s.iamEndpoint.href).toBe("https://iam.myhuaweicloud.com/");
  });
  test("stack config region and project before HW_* variables", () => {
    const s = resolveSettings(creds, config({ "huaweicloud:region": "cn-east-3", "huaweicloud:projectId": "cfgproject" }), { HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: "envproject" });
    expect([s.region, s.projectId]).toEqual(["cn-east-3", "cfgproject"]);
  });
  test("HW_PROJECT_ID before HUAWEICLOUD_SDK_PROJECT_ID; none means discovery later", () => {
    expect(resolveSettings({ ...creds, region: "cn-north-4" }, undefined, { HW_PROJECT_ID: "a", HUAWEICLOUD_SDK_PROJECT_ID: "b" }).projectId).toBe("a");
    expect(resolveSettings({ ...creds, region: "cn-north-4" }, undefined, { HUAWEICLOUD_SDK_PROJECT_ID: "b" }).projectId).toBe("b");
    expect(resolveSettings({ ...creds, region: "cn-north-4" }, undefined, {}).projectId).toBeUndefined();
  });
  test("plain http only for loopback; the IAM endpoint follows a loopback endpoint", () => {
    const s = resolveSettings({ ...creds, endpoint: "http://127.0.0.1:9000/", projectId: "p" }, undefined, {});
    expect(s.endpoint.href).toBe("http://127.0.0.1:9000/");
    expect(s.iamEndpoint.href).toBe("http://127.0.0.1:9000/");
    expectConfigError(() => resolveSettings({ ...creds, endpoint: "http://functiongraph.example.com", projectId: "p" }, undefined, {}), "endpoint", /non-loopback/);
  });
  test.each([
    ["ftp://127.0.0.1", /https/],
    ["https://user:pw@host.example.com", /user name or password/],
    ["https://host.example.com/?x=1", /query string/],
    ["not a url", /not a valid URL/],
  ])("endpoint %s is refused", (endpoint, why) => {
    expectConfigError(() => resolveSettings({ ...creds, endpoint, projectId: "p" }, undefined, {}), "endpoint", why);
  });
  test("a missing region without endpoint names where to set it", () => {
    expectConfigError(() => resolveSettings({ ...creds, projectId: "p" }, undefined, {}), "region", /HW_REGION_NAME/);
  });
  test("an endpoint without region needs a project ID (nothing to discover it from)", () => {
    expectConfigError(() => resolveSettings({ ...creds, endpoint: "https://fg.example.com" }, undefined, {}), "projectId", /projectId/);
  });
  test.each(["CN-NORTH-4", "cn_north_4", "cn-north-4/../x", ""])("region %j is refused", (region) => {
    expectConfigError(() => resolveSettings({ ...creds, region, projectId: "p" }, undefined, {}), "region", /malformed/);
  });
  test.each(["a/b", "p?x", "", "x".repeat(65), "p\nq"])("project ID %j is refused", (projectId) => {
    expectConfigError(() => resolveSettings({ ...creds, region: "cn-north-4", projectId }, undefined, {}), "projectId", /malformed/);
  });
  test("a malformed value is traced to where it was found: argument, stack config, or the variable that held it", () => {
    expectConfigError(() => resolveSettings({ ...creds, region: "BAD", projectId: "p" }, undefined, {}), "region", /^The region from the argument is malformed/);
    expectConfigError(
      () => resolveSettings({ ...creds, projectId: "p" }, config({ "huaweicloud:region": "BAD" }), { HW_REGION_NAME: "cn-north-4" }),
      "region",
      /^The region from stack config huaweicloud:region is malformed/,
    );
    expectConfigError(
      () => resolveSettings({ ...creds, region: "cn-north-4" }, undefined, { HW_PROJECT_ID: "", HUAWEICLOUD_SDK_PROJECT_ID: "a/b" }),
      "projectId",
      /^The project ID from environment variable HUAWEICLOUD_SDK_PROJECT_ID is malformed/,
    );
  });
});

describe("checkEndpoint's cache", () => {
  test("the same text gives the same checked URL; a bad text fails every time, naming the setting", () => {
    const a = checkEndpoint("http://127.0.0.1:9123/prefix/", "endpoint");
    expect(checkEndpoint("http://127.0.0.1:9123/prefix/", "iamEndpoint")).toBe(a);
    expect(a.href).toBe("http://127.0.0.1:9123/prefix");
    for (let i = 0; i < 2; i++) {
      expectConfigError(() => checkEndpoint("http://example.com", "iamEndpoint"), "iamEndpoint", /plain http/);
    }
  });

  test("past its bound (64 texts), endpoints are still parsed and checked correctly", () => {
    for (let port = 10_000; port < 10_200; port++) {
      expect(checkEndpoint(`http://127.0.0.1:${port}`, "endpoint").port).toBe(String(port));
    }
    expect(checkEndpoint("http://127.0.0.1:10000", "endpoint").port).toBe("10000");
  });
});
