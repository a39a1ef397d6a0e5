/**
 * Where credentials may come from, named once. The resolver reads these, the CLI scrubs their values
 * from everything it prints and lists them in its help and messages, and the Pulumi layer points to
 * them: a source added here reaches all of those, so none can silently escape the scrubber.
 */

/** One place that holds a key pair, and optionally the security token of temporary credentials. */
export interface CredentialSource {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** Stack config keys (read by the library inside a Pulumi program; never by the CLI). */
export const CREDENTIAL_CONFIG_KEYS: CredentialSource = Object.freeze({
  accessKey: "huaweicloud:accessKey",
  secretKey: "huaweicloud:secretKey",
  securityToken: "huaweicloud:securityToken",
});

/** Environment variables, in the order they are tried; a pair is always taken from one source. */
export const CREDENTIAL_ENV_SOURCES: readonly CredentialSource[] = Object.freeze([
  Object.freeze({ accessKey: "HW_ACCESS_KEY", secretKey: "HW_SECRET_KEY", securityToken: "HW_SECURITY_TOKEN" }),
  Object.freeze({ accessKey: "HUAWEICLOUD_SDK_AK", secretKey: "HUAWEICLOUD_SDK_SK", securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN" }),
  Object.freeze({ accessKey: "CLOUD_SDK_AK", secretKey: "CLOUD_SDK_SK" }),
]);

/** Every environment variable that can hold a credential value. */
export const CREDENTIAL_ENV_VARIABLES: readonly string[] = Object.freeze(
  CREDENTIAL_ENV_SOURCES.flatMap((s) => [s.accessKey, s.secretKey, ...(s.securityToken ? [s.securityToken] : [])]),
);

/** `HW_ACCESS_KEY/HW_SECRET_KEY` for the first source. */
export function pairText(source: CredentialSource): string {
  return `${source.accessKey}/${source.secretKey}`;
}

/**
 * The environment sources as a phrase for messages: `HW_ACCESS_KEY/HW_SECRET_KEY (with HW_SECURITY_TOKEN
 * for temporary credentials), or HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (...), or CLOUD_SDK_AK/CLOUD_SDK_SK`.
 */
export function envSourcesText(): string {
  return CREDENTIAL_ENV_SOURCES.map((s) => (s.securityToken ? `${pairText(s)} (token: ${s.securityToken})` : pairText(s))).join(", or ");
}
