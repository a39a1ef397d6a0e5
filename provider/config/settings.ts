/**
 * Resolves where and as whom to connect: explicit arguments, then stack config, then the environment.
 * Everything is checked here, before any request, and a problem is a ConfigurationError that names the
 * setting and where it can be given, never its value.
 */
import { ConfigurationError } from "../api/errors";
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

/** A setting's value: the explicit argument, else stack config, else the first non-empty variable. */
function pick(
  explicit: string | undefined,
  config: ConfigSource | undefined,
  configKey: string,
  env: NodeJS.ProcessEnv,
  envNames: readonly string[],
): string | undefined {
  if (explicit !== undefined) return explicit;
  const c = config?.get(configKey);
  if (c !== undefined && c !== "") return c;
  for (let i = 0; i < envNames.length; i++) {
    const v = env[envNames[i] as string];
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

/** Where `pick` found its value, for an error message: worked out again only when there is one to write
 * (it repeats pick's order, reading config and environment a second time). */
function sourceOf(
  explicit: string | undefined,
  config: ConfigSource | undefined,
  configKey: string,
  env: NodeJS.ProcessEnv,
  envNames: readonly string[],
): string {
  if (explicit !== undefined) return "the argument";
  const c = config?.get(configKey);
  if (c !== undefined && c !== "") return `stack config ${configKey}`;
  const name = envNames.find((n) => env[n] !== undefined && env[n] !== "");
  return name === undefined ? "" : `environment variable ${name}`;
}

const REGION_VARS = ["HW_REGION_NAME"] as const;
const PROJECT_VARS = ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"] as const;
const ENDPOINT_VARS = ["HW_FUNCTIONGRAPH_ENDPOINT"] as const;
const IAM_VARS = ["HUAWEICLOUD_SDK_IAM_ENDPOINT"] as const;

/** Where a value came from, for the message; a function when working it out costs something (see sourceOf). */
type Origin = string | (() => string);

const describeOrigin = (from: Origin) => (typeof from === "string" ? from : from());

export function checkRegion(value: unknown, from: Origin): string {
  if (typeof value !== "string" || !REGION.test(value)) {
    throw new ConfigurationError(
      `The region from ${describeOrigin(from)} is malformed: expected a region ID such as cn-north-4`,
      "region",
    );
  }
  return value;
}

export function checkProjectId(value: unknown, from: Origin): string {
  if (typeof value !== "string" || !PROJECT_ID.test(value)) {
    throw new ConfigurationError(
      `The project ID from ${describeOrigin(from)} is malformed: expected 1 to 64 letters, digits, '-' or '_'`,
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
  const regionValue = pick(args.region, config, "huaweicloud:region", env, REGION_VARS);
  const region =
    regionValue === undefined ? undefined : checkRegion(regionValue, () => sourceOf(args.region, config, "huaweicloud:region", env, REGION_VARS));
  const projectValue = pick(args.projectId, config, "huaweicloud:projectId", env, PROJECT_VARS);
  const projectId =
    projectValue === undefined
      ? undefined
      : checkProjectId(projectValue, () => sourceOf(args.projectId, config, "huaweicloud:projectId", env, PROJECT_VARS));
  const endpointValue = pick(args.endpoint, undefined, "", env, ENDPOINT_VARS);
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
  const iamValue = pick(args.iamEndpoint, config, "huaweicloud:iamEndpoint", env, IAM_VARS);
  const iamEndpoint = checkEndpoint(iamValue ?? defaultIamEndpoint(endpoint), "iamEndpoint");
  const credentials = resolveCredentials(args.credentials, config, env);
  return { credentials, region, projectId, endpoint, iamEndpoint };
}
