/**
 * The rule "give exactly one of workflowId and workflowName", in one place for every entry point that
 * takes it (the library call, the Pulumi resource's inputs and its synthetic ID).
 */

/** What is wrong with a choice, naming the setting to fix. */
export interface WorkflowChoiceProblem {
  setting: "workflowId" | "workflowName";
  message: string;
}

/** The problem with giving (or not) an ID and a name, or undefined when exactly one is given. */
export function workflowChoiceProblem(hasId: boolean, hasName: boolean): WorkflowChoiceProblem | undefined {
  if (hasId && hasName) return { setting: "workflowName", message: "Give workflowId or workflowName, not both" };
  if (!hasId && !hasName) return { setting: "workflowId", message: "Give the workflow to look in: workflowId or workflowName" };
  return undefined;
}
