/**
 * The Pulumi layer: the Output functions, the `WorkflowExecution` dynamic resource and its provider.
 * Everything here loads @pulumi/pulumi (except `runtime`, the provider host's entry point), which is why
 * the package barrel exposes these names through lazy getters.
 */
export {
  getWorkflowExecutionOutput,
  getWorkflowExecutionWithPayloadsOutput,
  type GetWorkflowExecutionOutputArgs,
  type GetWorkflowExecutionOutputOptions,
  type WorkflowExecutionOutputs,
} from "./output";
export { WORKFLOW_EXECUTION_TYPE, WorkflowExecutionResource, type WorkflowExecutionResourceArgs } from "./resource";
export { workflowExecutionProvider, type WorkflowExecutionProvider } from "./provider";
export type { ExecutionPayloads, NodeExecutionPayload, NodePayloads } from "./payloads";
export type { WorkflowExecutionInputs, WorkflowExecutionResourceOutputs } from "./resourceState";
