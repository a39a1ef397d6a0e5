/**
 * Checks a start's arguments and finds the workflow it names: shared by `startWorkflowExecution` and
 * `runWorkflow`, so that both refuse the same inputs with the same messages.
 */
import type { WorkflowRef } from "../api/starts";
import { checkStartBody, type StartBody } from "../api/starts";
import { checkWorkflowId } from "../config/ids";
import { ConfigurationError } from "../errors";
import { resolveWorkflowName, WORKFLOW_PAGING } from "../latest/resolveWorkflow";
import { workflowChoiceProblem } from "../latest/workflowChoice";
import { type PreparedCall, projectIdOf } from "../prepare";
import type { StartWorkflowExecutionArgs } from "./args";

export interface CheckedStart {
  workflowId?: string;
  workflowName?: string;
  body: StartBody;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The start's own arguments, checked before anything is sent. Values are never quoted: they may be secret. */
export function checkStart(args: StartWorkflowExecutionArgs, entry: string): CheckedStart {
  if (!isPlainObject(args)) throw new ConfigurationError(`${entry} needs an arguments object with workflowId or workflowName, and input`);
  const problem = workflowChoiceProblem(args.workflowId !== undefined, args.workflowName !== undefined);
  if (problem) throw new ConfigurationError(problem.message, problem.setting);
  if (args.workflowName !== undefined && (typeof args.workflowName !== "string" || args.workflowName.trim() === "")) {
    throw new ConfigurationError("workflowName must be a non-empty string", "workflowName");
  }
  if (!isPlainObject(args.input)) throw new ConfigurationError("input must be a JSON object (the run's input); it is required", "input");
  if (args.headers !== undefined && !isPlainObject(args.headers)) throw new ConfigurationError("headers must be a JSON object", "headers");
  const body: StartBody = args.headers === undefined ? { input: args.input } : { input: args.input, headers: args.headers };
  try {
    checkStartBody(body);
  } catch (e) {
    if (e instanceof ConfigurationError) throw e;
    // JSON.stringify failed (a cycle, a BigInt): say what, not the value.
    throw new ConfigurationError(`input and headers must be JSON values: ${(e as Error).name}`, "input");
  }
  return {
    workflowId: args.workflowId === undefined ? undefined : checkWorkflowId(args.workflowId),
    workflowName: args.workflowName,
    body,
  };
}

/** The project and workflow the start goes to: configured or discovered, named or resolved by name. */
export async function startTarget(call: PreparedCall, start: CheckedStart): Promise<WorkflowRef> {
  const { settings } = call;
  const projectId = settings.projectId ?? (await projectIdOf(call));
  if (start.workflowId !== undefined) return { endpoint: settings.endpoint, projectId, workflowId: start.workflowId };
  const found = await resolveWorkflowName(
    { endpoint: settings.endpoint, projectId, name: start.workflowName as string },
    settings.credentials,
    call.policy,
    WORKFLOW_PAGING,
  );
  return { endpoint: settings.endpoint, projectId, workflowId: found.id };
}
