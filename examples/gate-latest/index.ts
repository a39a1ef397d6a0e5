/**
 * Gate a deployment on the latest run of a FunctionGraph workflow: on every preview and up, find the run
 * of the workflow (by exact name or by ID) that began last, require `success`, and only then create the
 * dependent resources. No execution ID to pass around: CI only has to start the workflow.
 *
 * Stack config (project namespace): workflowName or workflowId (exactly one); since (ISO-8601 with a zone:
 * only runs begun at or after it count, e.g. the build time), statusFilter, maxAgeSeconds, region,
 * projectId, endpoint, version (optional). Credentials: huaweicloud:accessKey / huaweicloud:secretKey (as
 * secrets) or HW_ACCESS_KEY / HW_SECRET_KEY in the environment. They are never stored in state.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ListStatus } from "fgs-workflow-gate";
import { LatestWorkflowExecution } from "fgs-workflow-gate/pulumi";
import { ReleaseMarker } from "../gate-deployment/releaseMarker";

const config = new pulumi.Config();

// Read by a stable lookup ID (`latest:name:<name>`): the latest run is looked for again on every
// preview, up and refresh; stored as external, never deleted, never diffed.
const gate = new LatestWorkflowExecution("latest-release-gate", {
  workflowName: config.get("workflowName"),
  workflowId: config.get("workflowId"),
  since: config.get("since"),
  statusFilter: config.get("statusFilter") as ListStatus | undefined,
  region: config.get("region"),
  projectId: config.get("projectId"),
  endpoint: config.get("endpoint"),
  requireStatus: "success",
  maxAgeSeconds: config.getNumber("maxAgeSeconds"),
});

// `dependsOn` the gate: when the latest run fails the gate, the engine never gets to this resource.
// `gatedBy` records which run allowed the release; a newer passing run updates it on the next `up`.
const release = new ReleaseMarker(
  "release",
  { version: config.get("version") ?? "1.0.0", gatedBy: gate.executionId },
  { dependsOn: [gate] },
);

export const gateExecutionId = gate.executionId;
export const gateStatus = gate.status;
export const gateWorkflowId = gate.workflowId;
export const gateBeganAt = gate.beginTime;
export const releaseId = release.id;
export const releaseGatedBy = release.gatedBy;
