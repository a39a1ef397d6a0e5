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
  const p = urn.split(":");
  if (p.length !== 8 || p[0] !== "urn" || p[1] !== "fss" || p[4] !== "workflow") return undefined;
  for (const part of p) if (part === "") return undefined;
  return { region: p[2], projectId: p[3], package: p[5], workflowName: p[6], version: p[7] };
}
