/** Starting runs: the entry points and their argument types. */
export { runWorkflow } from "./runWorkflow";
export { startWorkflowExecution } from "./startWorkflowExecution";
export type { RunWorkflowArgs, StartedWorkflowExecution, StartWorkflowExecutionArgs } from "./args";
