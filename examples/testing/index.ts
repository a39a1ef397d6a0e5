/**
 * The stack under test: it gates a release on a workflow run (the execution ID comes from stack config,
 * set by CI) and creates the release only when the run succeeded. `stack.spec.ts` unit-tests it.
 */
import * as pulumi from "@pulumi/pulumi";
import { WorkflowExecution } from "fgs-workflow-gate/pulumi";
import { ReleaseMarker } from "../gate-deployment/releaseMarker";

const config = new pulumi.Config();

const gate = new WorkflowExecution("release-gate", {
  workflowId: config.require("workflowId"),
  executionId: config.require("executionId"),
  requireStatus: "success",
  requireNodes: ["integration-tests"],
});

const release = new ReleaseMarker("release", { version: "1.0.0", gatedBy: gate.executionId }, { dependsOn: [gate] });

export const gateStatus = gate.status;
export const releaseId = release.id;
