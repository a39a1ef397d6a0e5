/**
 * Start a workflow run for each release and gate on it: `WorkflowRun` starts the run during `pulumi up`
 * (never during a preview), waits for it and requires `success`; the release is created only after that.
 * `triggers` holds the version, so a new version starts a new run and an up with the same version starts
 * nothing.
 *
 * Stack config (project namespace): workflowId (required), version (default 1.0.0); runInput (an object
 * merged into the run's input), region, projectId, endpoint (optional). Credentials:
 * huaweicloud:accessKey / huaweicloud:secretKey (as secrets) or HW_ACCESS_KEY / HW_SECRET_KEY in the
 * environment. They are never stored in state.
 */
import * as pulumi from "@pulumi/pulumi";
import { WorkflowRun } from "fgs-workflow-gate/pulumi";
import { ReleaseMarker } from "../gate-deployment/releaseMarker";

const config = new pulumi.Config();
const version = config.get("version") ?? "1.0.0";

const checks = new WorkflowRun("release-checks", {
  workflowId: config.require("workflowId"),
  // The run's input is stored as a secret: it may carry tokens.
  input: { version, ...(config.getObject<Record<string, unknown>>("runInput") ?? {}) },
  triggers: [version],
  region: config.get("region"),
  projectId: config.get("projectId"),
  endpoint: config.get("endpoint"),
  requireStatus: "success",
  waitForCompletion: { timeoutSeconds: 900 },
});

// `dependsOn` the run: when its gate fails, the engine never gets to the release.
const release = new ReleaseMarker("release", { version, gatedBy: checks.executionId }, { dependsOn: [checks] });

export const checksExecutionId = checks.executionId;
export const checksStatus = checks.status;
export const checksFailedNodes = checks.failedNodeNames;
export const releaseId = release.id;
