/**
 * The plain shapes of the `WorkflowRun` dynamic resource: its inputs, its state, the mapping to
 * `runWorkflow`, and the diff that decides when a new run replaces the old one. Shared by the program side
 * (runResource.ts) and the provider host (runProvider.ts). No Pulumi import here.
 */
import type { RunWorkflowArgs } from "../run/args";
import type { WorkflowExecution } from "../model/types";
import { gateVerdict, type GateVerdictOutputs, VERDICT_OUTPUT_KEYS } from "./verdict";
import { executionOutputs, type GatedInputs, jsonClean, OUTPUT_KEYS, type WorkflowExecutionResourceOutputs } from "./resourceState";

/** The resource type token: `pulumi-nodejs:dynamic/fgs:WorkflowRun`. Changing it orphans state. */
export const WORKFLOW_RUN_TYPE = "pulumi-nodejs:dynamic/fgs:WorkflowRun";

/** The resource's inputs once resolved. Credentials are deliberately absent: they never enter state. */
export interface WorkflowRunInputs extends GatedInputs {
  /** Exactly one of `workflowId` and `workflowName`. */
  workflowId?: string;
  workflowName?: string;
  /** The run's input (a JSON object). Secret in state. */
  input: Record<string, unknown>;
  /** The run's headers (a JSON object). Secret in state. */
  headers?: Record<string, unknown>;
  /** Any values: when they change, a new run replaces the old one. */
  triggers?: unknown;
  sync?: boolean;
  stopOnGiveUp?: boolean;
}

/** Every input key, in a fixed order. Each is echoed into the state, and a change to any starts a new run. */
export const RUN_INPUT_KEYS = [
  "workflowId", "workflowName", "input", "headers", "triggers", "sync", "stopOnGiveUp", "projectId", "region",
  "endpoint", "iamEndpoint", "fullHistory", "requireStatus", "waitForCompletion", "mode", "notBefore",
  "maxAgeSeconds", "requestTimeoutSeconds", "deadlineSeconds", "maxRetries", "requireNodes", "conditions", "exposePayloads",
] as const satisfies readonly (keyof WorkflowRunInputs)[];

/** Output-only keys: the started run's ID plus every output of `WorkflowExecution` (input and headers are inputs too). */
export const RUN_OUTPUT_KEYS = ["executionId", ...OUTPUT_KEYS.filter((k) => k !== "input" && k !== "headers"), ...VERDICT_OUTPUT_KEYS] as const;

/** Outputs that are secret whatever `exposePayloads` says: the run's input and headers were given by the program. */
export const RUN_ALWAYS_SECRET_KEYS = ["input", "headers"] as const;

/** The full state: the inputs echoed, the workflow's ID (also when given by name), the started run. */
export type WorkflowRunState = Omit<WorkflowRunInputs, "workflowId"> &
  WorkflowExecutionResourceOutputs &
  GateVerdictOutputs & { workflowId: string; executionId: string };

const present = (v: unknown) => v !== undefined && v !== null;

/** Keeps only known input keys with values (drops outputs, `__provider` and anything else). */
export function pickRunInputs(props: Record<string, unknown>): WorkflowRunInputs {
  const out: Record<string, unknown> = {};
  for (const key of RUN_INPUT_KEYS) if (present(props[key])) out[key] = props[key];
  return out as unknown as WorkflowRunInputs;
}

/**
 * The `runWorkflow` arguments for these inputs (triggers only decide replacement). Without
 * `requireStatus` the run must succeed: a resource that started a run fails closed on a failed one.
 */
export function toRunArgs(inputs: WorkflowRunInputs): RunWorkflowArgs {
  const { triggers: _triggers, ...rest } = inputs;
  return { ...rest, requireStatus: inputs.requireStatus ?? "success" };
}

/**
 * The state after a run: the inputs as given (so that the next diff compares like with like), then the
 * run's outputs. `input` and `headers` stay the ones the run was started with.
 */
export function toRunState(inputs: WorkflowRunInputs, execution: WorkflowExecution): WorkflowRunState {
  return jsonClean({
    ...executionOutputs(execution),
    // The run's headers are the ones it was started with (the service may answer empty ones); `input`
    // is required, so the spread below always sets it.
    headers: undefined,
    ...inputs,
    ...gateVerdict(execution, toRunArgs(inputs)),
    workflowId: execution.workflowId,
    executionId: execution.executionId,
  });
}

/** JSON with object keys sorted, so that a state's key order (protobuf Structs reorder them) is no diff. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The inputs a state was created from. A workflow given by name has its resolved ID in the state's
 * `workflowId`, which is an output then, not an input.
 */
function inputsOfState(olds: Record<string, unknown>): Record<string, unknown> {
  const inputs = pickRunInputs(olds) as unknown as Record<string, unknown>;
  if (present(inputs.workflowName)) delete inputs.workflowId;
  return inputs;
}

/**
 * `diff(olds = prior state, news = new inputs)`: the changed input keys. Any change replaces the resource
 * (a new run, judged by the new inputs); equal inputs are no change, so an `up` starts nothing.
 * `__provider` (the provider's code) is never a change.
 */
export function diffRun(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean; replaces: string[] } {
  const before = inputsOfState(olds);
  const after = pickRunInputs(news) as unknown as Record<string, unknown>;
  const changed = RUN_INPUT_KEYS.filter((k) => stableJson(before[k] ?? null) !== stableJson(after[k] ?? null));
  return { changes: changed.length > 0, replaces: changed };
}
