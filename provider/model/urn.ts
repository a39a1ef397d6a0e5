/**
 * Parsing of `workflow_urn`. Accepts exactly the strings the `workflowUrn` pattern of
 * schema/common.schema.json accepts (a property-based test checks both agree).
 */
import type { WorkflowUrn } from "./types";

/**
 * Splits `urn:fss:<region>:<project_id>:workflow:<package>:<workflow_name>:<version>` into its parts.
 * Returns undefined unless there are exactly eight colon-separated parts, none empty, with the fixed
 * `urn`, `fss` and `workflow` parts in place.
 */
export function parseWorkflowUrn(urn: string): WorkflowUrn | undefined {
  if (typeof urn !== "string") return undefined;
  const parts = urn.split(":");
  if (parts.length !== 8 || parts.some((p) => p === "")) return undefined;
  const [urnTag, service, region, projectId, kind, pkg, workflowName, version] = parts as [string, string, string, string, string, string, string, string];
  if (urnTag !== "urn" || service !== "fss" || kind !== "workflow") return undefined;
  return { region, projectId, package: pkg, workflowName, version };
}
