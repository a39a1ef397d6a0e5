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

function pick(
  explicit: string | undefined,
  config: ConfigSource | undefined,
  configKey: string,
  env: NodeJS.ProcessEnv,
  envNames: string[],
): { value?: string; from: string } {
  if (explicit !== undefined) return { value: explicit, from: "the argument" };
  const c = config?.get(configKey);
  if (c !== undefined && c !== "") return { value: c, from: `stack config ${configKey}` };
  for (let i = 0; i < envNames.length; i++) {
    const n = envNames[i] as string;
    const v = env[n];
    if (v !== undefined && v !== "") return { value: v, from: `environment variable ${n}` };
  }
  return { from: "" };
}

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
  const regionPick = pick(args.region, config, "huaweicloud:region", env, ["HW_REGION_NAME"]);
  const region = regionPick.value === undefined ? undefined : checkRegion(regionPick.value, regionPick.from);
  const projectPick = pick(args.projectId, config, "huaweicloud:projectId", env, [
    "HW_PROJECT_ID",
    "HUAWEICLOUD_SDK_PROJECT_ID",
  ]);
  const projectId = projectPick.value === undefined ? undefined : checkProjectId(projectPick.value, projectPick.from);
  const endpointPick = pick(args.endpoint, undefined, "", env, ["HW_FUNCTIONGRAPH_ENDPOINT"]);
  if (endpointPick.value === undefined && region === undefined) {
    throw new ConfigurationError(
      "No region: pass `region`, set stack config huaweicloud:region or HW_REGION_NAME, or pass `endpoint`",
      "region",
    );
  }
  const endpoint = checkEndpoint(endpointPick.value ?? regionalEndpoint(region as string), "endpoint");
  if (projectId === undefined && region === undefined) {
    throw new ConfigurationError(
      "No project ID and no region to discover it from: pass `projectId` (or HW_PROJECT_ID) or `region`",
      "projectId",
    );
  }
  const iamPick = pick(args.iamEndpoint, config, "huaweicloud:iamEndpoint", env, ["HUAWEICLOUD_SDK_IAM_ENDPOINT"]);
  const iamEndpoint = checkEndpoint(iamPick.value ?? defaultIamEndpoint(endpoint), "iamEndpoint");
  const credentials = resolveCredentials(args.credentials, config, env);
  return { credentials, region, projectId, endpoint, iamEndpoint };
}
