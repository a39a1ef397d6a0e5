/**
 * Finds the AK/SK pair (and security token) in the documented order: explicit arguments, stack config,
 * HW_*, HUAWEICLOUD_SDK_*, CLOUD_SDK_*. A pair is always taken from one source, never mixed, and a half
 * pair is an error rather than a silent fall-through to another source. Values never reach a message.
 */
import { ConfigurationError } from "../errors";
import type { Credentials } from "../api/signer";
import type { ConfigSource } from "../context";

interface Source {
  label: string;
  ak: string;
  sk: string;
  token?: string;
  read(name: string): string | undefined;
}

const WHERE =
  "pass `credentials`, set stack config huaweicloud:accessKey/secretKey, or set HW_ACCESS_KEY/HW_SECRET_KEY " +
  "(or HUAWEICLOUD_SDK_AK/SK, CLOUD_SDK_AK/SK)";

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

function sources(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Source[] {
  const fromEnv = (name: string) => nonEmpty(env[name]);
  const list: Source[] = [];
  if (config) {
    list.push({
      label: "stack config",
      ak: "huaweicloud:accessKey",
      sk: "huaweicloud:secretKey",
      token: "huaweicloud:securityToken",
      read: (k) => nonEmpty(config.get(k)),
    });
  }
  list.push(
    { label: "environment", ak: "HW_ACCESS_KEY", sk: "HW_SECRET_KEY", token: "HW_SECURITY_TOKEN", read: fromEnv },
    {
      label: "environment",
      ak: "HUAWEICLOUD_SDK_AK",
      sk: "HUAWEICLOUD_SDK_SK",
      token: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
      read: fromEnv,
    },
    { label: "environment", ak: "CLOUD_SDK_AK", sk: "CLOUD_SDK_SK", read: fromEnv },
  );
  return list;
}

/** Checks the shape of a credential without ever echoing it. */
export function checkCredentials(c: Credentials, where: string): Credentials {
  if (typeof c.accessKey !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(c.accessKey)) {
    throw new ConfigurationError(
      `The access key from ${where} is malformed: expected 1 to 128 letters, digits, '-' or '_'`,
      "accessKey",
    );
  }
  if (typeof c.secretKey !== "string" || c.secretKey.length === 0 || c.secretKey.length > 1024) {
    throw new ConfigurationError(`The secret key from ${where} is empty or longer than 1024 characters`, "secretKey");
  }
  // The token travels in a header: printable ASCII only, so it can never inject a header.
  if (c.securityToken !== undefined && !/^[\x21-\x7e]{1,16384}$/.test(c.securityToken)) {
    throw new ConfigurationError(
      `The security token from ${where} is malformed: expected 1 to 16384 printable ASCII characters without spaces`,
      "securityToken",
    );
  }
  return c;
}

/** Resolves credentials or throws a ConfigurationError naming the settings and where to give them. */
export function resolveCredentials(
  explicit: Credentials | undefined,
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
): Credentials {
  if (explicit !== undefined) {
    if (typeof explicit !== "object" || explicit === null) {
      throw new ConfigurationError("`credentials` must be an object with accessKey and secretKey", "credentials");
    }
    const c: Credentials = { accessKey: explicit.accessKey, secretKey: explicit.secretKey };
    if (nonEmpty(explicit.securityToken) !== undefined) c.securityToken = explicit.securityToken;
    return checkCredentials(c, "the `credentials` argument");
  }
  for (const s of sources(config, env)) {
    const ak = s.read(s.ak);
    const sk = s.read(s.sk);
    if (ak === undefined && sk === undefined) continue;
    if (ak === undefined || sk === undefined) {
      const [have, missing] = ak === undefined ? [s.sk, s.ak] : [s.ak, s.sk];
      throw new ConfigurationError(`${have} is set in the ${s.label} but ${missing} is not`, missing);
    }
    const token = s.token ? s.read(s.token) : undefined;
    const c: Credentials = token === undefined ? { accessKey: ak, secretKey: sk } : { accessKey: ak, secretKey: sk, securityToken: token };
    return checkCredentials(c, `${s.ak}/${s.sk}`);
  }
  throw new ConfigurationError(`No Huawei Cloud credentials found: ${WHERE}`, "credentials");
}
