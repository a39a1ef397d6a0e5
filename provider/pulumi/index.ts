/**
 * `fgs-workflow-gate/pulumi`: the Pulumi layer. The Output functions (`getXOutput`, Pulumi's convention
 * for a data source that takes `Input`s) and the dynamic resources `WorkflowExecution`,
 * `LatestWorkflowExecution` and `WorkflowRun`. Importing it loads @pulumi/pulumi (the resource classes extend
 * `pulumi.dynamic.Resource`), which is why it is an entry point of its own: the package's main entry point
 * stays free of Pulumi for plain Node programs. The result types and errors are those of the main entry.
 */
export {
  getLatestWorkflowExecutionOutput,
  getLatestWorkflowExecutionWithPayloadsOutput,
  getWorkflowExecutionOutput,
  getWorkflowExecutionWithPayloadsOutput,
} from "./output";
export type {
  GetLatestWorkflowExecutionOutputArgs,
  GetWorkflowExecutionOutputArgs,
  GetWorkflowExecutionOutputOptions,
  WorkflowExecutionOutputs,
} from "./output";
/** `WorkflowExecution` and `WorkflowExecutionResource` are the same resource class (two names, one class). */
export { WorkflowExecutionResource as WorkflowExecution, WorkflowExecutionResource } from "./resource";
export type { WorkflowExecutionResourceArgs } from "./resource";
export { LatestWorkflowExecution } from "./latestResource";
export type { LatestWorkflowExecutionArgs } from "./latestResource";
export { WorkflowRun } from "./runResource";
export type { WorkflowRunArgs } from "./runResource";
export type { ExecutionPayloads, NodeExecutionPayload, NodePayloads } from "./payloads";
