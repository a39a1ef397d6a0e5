/**
 * Project ID discovery the way Huawei's SDK does it: a signed IAM `GET /v3/projects?name=<region>`. Exactly
 * one project must match; zero or several is a ConfigurationError. Unlike the SDK, nothing is ever created.
 * Results are cached per IAM endpoint, access key and region for the life of the process.
 */
import { callApi, type RequestPolicy } from "../api/client";
import { ConfigurationError } from "../errors";
import type { Credentials } from "../api/signer";
import { idFromResponse } from "../api/responseIds";
import { checkProjectId } from "./settings";

// Only answers are cached, never a pending lookup: a pending one carries its first caller's signal and
// deadline, and one caller's cancellation must not fail everyone else's discovery.
const cache = new Map<string, string>();

export async function discoverProjectId(
  iamEndpoint: URL,
  region: string,
  credentials: Credentials,
  policy: RequestPolicy,
): Promise<string> {
  const key = `${iamEndpoint.href}\u0000${credentials.accessKey}\u0000${region}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const id = await lookup(iamEndpoint, region, credentials, policy);
  cache.set(key, id);
  return id;
}

async function lookup(iamEndpoint: URL, region: string, credentials: Credentials, policy: RequestPolicy) {
  const { body } = await callApi(
    { base: iamEndpoint, method: "GET", segments: ["v3", "projects"], query: { name: region }, kind: "iamProjects" },
    credentials,
    policy,
  );
  const projects = (body as { projects: Array<{ id: string; name: string }> }).projects.filter((p) => p.name === region);
  const where = "pass `projectId`, set stack config huaweicloud:projectId, or set HW_PROJECT_ID";
  if (projects.length === 0) {
    throw new ConfigurationError(
      `No IAM project named ${region} is visible to this access key, so the project ID cannot be discovered: ${where}`,
      "projectId",
    );
  }
  if (projects.length > 1) {
    throw new ConfigurationError(
      `${projects.length} IAM projects are named ${region} (${projects.map((p) => p.id).join(", ")}): ${where}`,
      "projectId",
    );
  }
  // It goes into every later path (and the cache): held to the rules of a project ID the user gives.
  const site = { method: "GET", path: `${iamEndpoint.pathname.replace(/\/+$/, "")}/v3/projects`, pointer: "/projects/0/id" };
  return idFromResponse((projects[0] as { id: string }).id, (v) => checkProjectId(v, "the IAM answer"), site);
}

/** Forgets discovered project IDs (tests). */
export function clearProjectCache(): void {
  cache.clear();
}
