/**
 * `fgs-workflow-gate/testing`: unit tests of Pulumi stacks that use this package. `mockWorkflowGates`
 * installs `pulumi.runtime.setMocks` so that each gate decides on a canned run (built with
 * `cannedExecution`) exactly as it decides in production; nothing is sent unless a test asks for it.
 */
export { cannedExecution, cannedExecutionBody } from "./cannedExecution";
export type { CannedExecutionArgs, CannedNode } from "./cannedExecution";
export type { CannedRun } from "./judge";
export { mockWorkflowGates } from "./mocks";
export { outputValue } from "./outputValue";
export type { WorkflowGateMockOptions, WorkflowGateMocks } from "./mocks";
export type { CannedRuns, GateMockRequest } from "./source";
