/**
 * Resolves where and as whom to connect: explicit arguments, then stack config, then the environment.
 * Everything is checked here, before any request, and a problem is a ConfigurationError that names the
 * setting and where it can be given, never its value.
 */
import { ConfigurationError } from "../errors";
import type { Credentials } from "../api/signer";
import type { ConnectionArgs } from "../args";
import type { ConfigSource } from "../context";
import { resolveCredentials } from "./credentials";
import { checkEndpoint, defaultIamEndpoint, regionalEndpoint } from "./endpoint";

export interface ResolvedSettings {
  credentials: Credentials;
  region?: string;
  /** Undefined: to be discovered through IAM. */
  projectId?: string;
  endpoint: URL;
  iamEndpoint: URL;
}

const REGION = /^[a-z]{2,8}(-[a-z0-9]{1,24}){1,4}$/;
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A setting's value, passed through `check` with where it was found (for its message): the explicit
 * argument, else stack config, else the first non-empty variable.
 */
function pick(
  explicit: string | undefined,
  config: ConfigSource | undefined,
  configKey: string,
  env: NodeJS.ProcessEnv,
  envNames: readonly string[],
  check: (value: string, from: string) => string,
): string | undefined {
  if (explicit !== undefined) return check(explicit, "the argument");
  const c = config?.get(configKey);
  if (c !== undefined && c !== "") return check(c, `stack config ${configKey}`);
  for (const name of envNames) {
    const v = env[name];
    if (v !== undefined && v !== "") return check(v, `environment variable ${name}`);
  }
  return undefined;
}

/** For settings whose check comes later, once a default has filled the gap. */
const asFound = (value: string) => value;

const REGION_VARS = ["HW_REGION_NAME"] as const;
const PROJECT_VARS = ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"] as const;
const ENDPOINT_VARS = ["HW_FUNCTIONGRAPH_ENDPOINT"] as const;
const IAM_VARS = ["HUAWEICLOUD_SDK_IAM_ENDPOINT"] as const;

export function checkRegion(value: unknown, from: string): string {
  if (typeof value !== "string" || !REGION.test(value)) {
    throw new ConfigurationError(
      `The region from ${from} is malformed: expected a region ID such as cn-north-4`,
      "region",
    );
  }
  return value;
}

export function checkProjectId(value: unknown, from: string): string {
  if (typeof value !== "string" || !PROJECT_ID.test(value)) {
    throw new ConfigurationError(
      `The project ID from ${from} is malformed: expected 1 to 64 letters, digits, '-' or '_'`,
      "projectId",
    );
  }
  return value;
}

/** Resolves and checks every connection setting. */
export function resolveSettings(
  args: ConnectionArgs,
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
): ResolvedSettings {
  const region = pick(args.region, config, "huaweicloud:region", env, REGION_VARS, checkRegion);
  const projectId = pick(args.projectId, config, "huaweicloud:projectId", env, PROJECT_VARS, checkProjectId);
  const endpointValue = pick(args.endpoint, undefined, "", env, ENDPOINT_VARS, asFound);
  if (endpointValue === undefined && region === undefined) {
    throw new ConfigurationError(
      "No region: pass `region`, set stack config huaweicloud:region or HW_REGION_NAME, or pass `endpoint`",
      "region",
    );
  }
  const endpoint = checkEndpoint(endpointValue ?? regionalEndpoint(region as string), "endpoint");
  if (projectId === undefined && region === undefined) {
    throw new ConfigurationError(
      "No project ID and no region to discover it from: pass `projectId` (or HW_PROJECT_ID) or `region`",
      "projectId",
    );
  }
  const iamValue = pick(args.iamEndpoint, config, "huaweicloud:iamEndpoint", env, IAM_VARS, asFound);
  const iamEndpoint = checkEndpoint(iamValue ?? defaultIamEndpoint(endpoint), "iamEndpoint");
  const credentials = resolveCredentials(args.credentials, config, env);
  return { credentials, region, projectId, endpoint, iamEndpoint };
}
