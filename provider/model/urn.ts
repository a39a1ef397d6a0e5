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
  if (typeof urn !== "string" || !urn.startsWith("urn:fss:")) return undefined;
  // Colon positions found one after another rather than by split: no array of eight strings per read.
  const c3 = urn.indexOf(":", 8);
  const c4 = c3 < 0 ? -1 : urn.indexOf(":", c3 + 1);
  const c5 = c4 < 0 ? -1 : urn.indexOf(":", c4 + 1);
  const c6 = c5 < 0 ? -1 : urn.indexOf(":", c5 + 1);
  const c7 = c6 < 0 ? -1 : urn.indexOf(":", c6 + 1);
  // Exactly seven colons, no part empty (each colon at least one character after the one before).
  if (c7 < 0 || urn.indexOf(":", c7 + 1) >= 0 || c3 === 8 || c4 === c3 + 1 || c6 === c5 + 1 || c7 === c6 + 1 || c7 === urn.length - 1) {
    return undefined;
  }
  if (c5 !== c4 + 9 || !urn.startsWith("workflow", c4 + 1)) return undefined;
  return { region: urn.slice(8, c3), projectId: urn.slice(c3 + 1, c4), package: urn.slice(c5 + 1, c6), workflowName: urn.slice(c6 + 1, c7), version: urn.slice(c7 + 1) };
}
