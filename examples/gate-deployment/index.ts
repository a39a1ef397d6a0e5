/**
 * Gate a deployment on a FunctionGraph workflow run: read the execution named in stack config, require
 * `success`, and only then create the dependent resources. If the run failed (or is not final, or is too
 * old), `pulumi preview` and `pulumi up` stop with a message naming the failed node, and nothing that
 * depends on the gate is created or updated.
 *
 * Stack config (project namespace): workflowId, executionId (required); region, projectId, endpoint,
 * maxAgeSeconds, version (optional). Credentials: huaweicloud:accessKey / huaweicloud:secretKey (as
 * secrets) or HW_ACCESS_KEY / HW_SECRET_KEY in the environment. They are never stored in state.
 */
import * as pulumi from "@pulumi/pulumi";
import { WorkflowExecution } from "fgs-workflow-gate/pulumi";
import { ReleaseMarker } from "./releaseMarker";

const config = new pulumi.Config();

// Read by ID: re-read on every preview, up and refresh; stored as external, never deleted.
const gate = new WorkflowExecution("release-gate", {
  workflowId: config.require("workflowId"),
  executionId: config.require("executionId"),
  region: config.get("region"),
  projectId: config.get("projectId"),
  endpoint: config.get("endpoint"),
  requireStatus: "success",
  maxAgeSeconds: config.getNumber("maxAgeSeconds"),
});

// `dependsOn` the gate: when the gate's read fails, the engine never gets to this resource.
const release = new ReleaseMarker(
  "release",
  { version: config.get("version") ?? "1.0.0", gatedBy: gate.id },
  { dependsOn: [gate] },
);

export const gateStatus = gate.status;
export const workflowUrn = gate.workflowUrn;
export const releaseId = release.id;
export const releasedAt = release.releasedAt;
