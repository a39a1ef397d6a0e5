/**
 * Finds the AK/SK pair (and security token) in the documented order: explicit arguments, stack config,
 * then the environment sources of `credentialNames.ts`. A pair is always taken from one source, never
 * mixed, and a half pair is an error rather than a silent fall-through to another source. Values never
 * reach a message; a malformed value is reported under the name it was read from (`HW_SECURITY_TOKEN`).
 */
import { ConfigurationError } from "../errors";
import type { Credentials } from "../api/signer";
import type { ConfigSource } from "../context";
import { CREDENTIAL_CONFIG_KEYS, CREDENTIAL_ENV_SOURCES, type CredentialSource, envSourcesText } from "./credentialNames";

/** A source of credentials and how messages refer to it. */
interface Source {
  names: CredentialSource;
  /** Where the source is (`the environment`), for a half pair. */
  label: string;
  /** What its names are (`environment variable`), put before a name in messages. */
  kind: string;
  read(name: string): string | undefined;
}

/** The setting name of a ConfigurationError when no credentials are found anywhere. */
export const NO_CREDENTIALS_SETTING = "credentials";

/** The `credentials` argument's fields: the settings reported for a malformed explicit value. */
const ARGUMENT_NAMES = { accessKey: "accessKey", secretKey: "secretKey", securityToken: "securityToken" } as const;

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

function sources(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Source[] {
  const fromEnv = (name: string) => nonEmpty(env[name]);
  const list: Source[] = [];
  if (config) list.push({ names: CREDENTIAL_CONFIG_KEYS, label: "the stack config", kind: "stack config", read: (k) => nonEmpty(config.get(k)) });
  for (const names of CREDENTIAL_ENV_SOURCES) list.push({ names, label: "the environment", kind: "environment variable", read: fromEnv });
  return list;
}

/**
 * Checks the shape of a credential without ever echoing it. `names` are the settings reported for each
 * field (the variable or key it was read from); `kind` is what those names are, for the message.
 */
export function checkCredentials(c: Credentials, names: CredentialSource, kind: string): Credentials {
  const from = (name: string) => `${kind} ${name}`;
  if (typeof c.accessKey !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(c.accessKey)) {
    throw new ConfigurationError(
      `The access key from ${from(names.accessKey)} is malformed: expected 1 to 128 letters, digits, '-' or '_'`,
      names.accessKey,
    );
  }
  if (typeof c.secretKey !== "string" || c.secretKey.length === 0 || c.secretKey.length > 1024) {
    throw new ConfigurationError(`The secret key from ${from(names.secretKey)} is empty or longer than 1024 characters`, names.secretKey);
  }
  // The token travels in a header: printable ASCII only, so it can never inject a header.
  if (c.securityToken !== undefined && !/^[\x21-\x7e]{1,16384}$/.test(c.securityToken)) {
    // Only sources with a token variable supply one.
    const name = names.securityToken ?? "securityToken";
    throw new ConfigurationError(
      `The security token from ${from(name)} is malformed: expected 1 to 16384 printable ASCII characters without spaces`,
      name,
    );
  }
  return c;
}

function explicitCredentials(explicit: Credentials): Credentials {
  if (typeof explicit !== "object" || explicit === null) {
    throw new ConfigurationError("`credentials` must be an object with accessKey and secretKey", "credentials");
  }
  const c: Credentials = { accessKey: explicit.accessKey, secretKey: explicit.secretKey };
  if (nonEmpty(explicit.securityToken) !== undefined) c.securityToken = explicit.securityToken;
  return checkCredentials(c, ARGUMENT_NAMES, "the `credentials` argument's");
}

/** Where credentials can be given, for the message when there are none. */
function whereText(config: ConfigSource | undefined): string {
  const stack = config ? `set stack config ${CREDENTIAL_CONFIG_KEYS.accessKey}/${CREDENTIAL_CONFIG_KEYS.secretKey}, ` : "";
  return `pass \`credentials\`, ${stack}or set ${envSourcesText()}`;
}

/** Resolves credentials or throws a ConfigurationError naming the settings and where to give them. */
export function resolveCredentials(
  explicit: Credentials | undefined,
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
): Credentials {
  if (explicit !== undefined) return explicitCredentials(explicit);
  for (const s of sources(config, env)) {
    const { accessKey, secretKey, securityToken } = s.names;
    const ak = s.read(accessKey);
    const sk = s.read(secretKey);
    if (ak === undefined && sk === undefined) continue;
    if (ak === undefined || sk === undefined) {
      const [have, missing] = ak === undefined ? [secretKey, accessKey] : [accessKey, secretKey];
      throw new ConfigurationError(`${have} is set in ${s.label} but ${missing} is not`, missing);
    }
    const token = securityToken ? s.read(securityToken) : undefined;
    const c: Credentials = token === undefined ? { accessKey: ak, secretKey: sk } : { accessKey: ak, secretKey: sk, securityToken: token };
    return checkCredentials(c, s.names, s.kind);
  }
  throw new ConfigurationError(`No Huawei Cloud credentials found: ${whereText(config)}`, NO_CREDENTIALS_SETTING);
}
