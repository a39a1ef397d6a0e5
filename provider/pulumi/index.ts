/**
 * The Pulumi layer: the Output functions, the `WorkflowExecution` and `LatestWorkflowExecution` dynamic
 * resources and their providers. Everything here loads @pulumi/pulumi (except `runtime`, the provider
 * host's entry point), which is why the package barrel exposes these names through lazy getters.
 */
export {
  getLatestWorkflowExecutionOutput,
  getLatestWorkflowExecutionWithPayloadsOutput,
  getWorkflowExecutionOutput,
  getWorkflowExecutionWithPayloadsOutput,
  type GetLatestWorkflowExecutionOutputArgs,
  type GetWorkflowExecutionOutputArgs,
  type GetWorkflowExecutionOutputOptions,
  type WorkflowExecutionOutputs,
} from "./output";
export { WORKFLOW_EXECUTION_TYPE, WorkflowExecutionResource, type WorkflowExecutionResourceArgs } from "./resource";
export { LATEST_WORKFLOW_EXECUTION_TYPE, LatestWorkflowExecution, type LatestWorkflowExecutionArgs } from "./latestResource";
export {
  latestWorkflowExecutionProvider,
  workflowExecutionProvider,
  type WorkflowExecutionProvider,
} from "./provider";
export type { ExecutionPayloads, NodeExecutionPayload, NodePayloads } from "./payloads";
export type { WorkflowExecutionInputs, WorkflowExecutionResourceOutputs } from "./resourceState";
export type { LatestWorkflowExecutionInputs, LatestWorkflowExecutionOutputs } from "./latestState";
