/**
 * The plain shapes of the `LatestWorkflowExecution` dynamic resource: its inputs, its synthetic ID, its
 * state, and the mapping to `getLatestWorkflowExecution`. Shared by the program side (latestResource.ts)
 * and the provider host (runtime.ts). No Pulumi import here.
 *
 * Why a synthetic ID. The resource is read by ID like `WorkflowExecution`, but the run is not known when
 * the program runs, so the ID names the lookup instead of the run: `latest:id:<workflowId>` or
 * `latest:name:<workflowName>`. It is stable across runs on purpose. The engine stores whatever ID a read
 * returns (ReadStep) and sends the stored ID back on `pulumi refresh` (RefreshStep), while the SDK always
 * resolves the program's `resource.id` to the ID it asked for. Returning the chosen run's ID would make
 * state and program disagree and pin `refresh` to that old run; returning the synthetic ID keeps both
 * equal and makes every read (preview, up, refresh) look for the latest run again. The run itself is the
 * `executionId` output.
 */
import { workflowChoiceProblem } from "../latest/workflowChoice";
import { ConfigurationError } from "../errors";
import type { GetLatestWorkflowExecutionArgs, ListStatus } from "../latest/args";
import type { WorkflowExecution } from "../model/types";
import { gateVerdict, type GateVerdictOutputs, VERDICT_OUTPUT_KEYS } from "./verdict";
import { executionOutputs, type GatedInputs, jsonClean, OUTPUT_KEYS, type WorkflowExecutionResourceOutputs } from "./resourceState";

/** The resource type token: `pulumi-nodejs:dynamic/fgs:LatestWorkflowExecution`. Changing it orphans state. */
export const LATEST_WORKFLOW_EXECUTION_TYPE = "pulumi-nodejs:dynamic/fgs:LatestWorkflowExecution";

/** Prefix of every synthetic ID. */
export const LATEST_ID_PREFIX = "latest:";

/** The resource's inputs once resolved. Credentials are deliberately absent: they never enter state. */
export interface LatestWorkflowExecutionInputs extends GatedInputs {
  /** Exactly one of `workflowId` and `workflowName`. */
  workflowId?: string;
  workflowName?: string;
  /**
   * `getLatestWorkflowExecution`'s `status` (only runs with this status count). Renamed because `status`
   * is the output that holds the chosen run's status.
   */
  statusFilter?: ListStatus;
  /** ISO-8601 with a zone (a `Date` given to the constructor is converted). */
  since?: string;
  until?: string;
}

/** Every input key, in a fixed order (echoed into the outputs, so `refresh` can repeat the lookup). */
export const LATEST_INPUT_KEYS = [
  "workflowId", "workflowName", "statusFilter", "since", "until", "projectId", "region", "endpoint",
  "iamEndpoint", "fullHistory", "requireStatus", "waitForCompletion", "mode", "notBefore", "maxAgeSeconds",
  "requestTimeoutSeconds", "deadlineSeconds", "maxRetries", "requireNodes", "conditions", "exposePayloads",
] as const satisfies readonly (keyof LatestWorkflowExecutionInputs)[];

/** Output-only keys: the chosen run's ID plus every output of `WorkflowExecution`. */
export const LATEST_OUTPUT_KEYS = ["executionId", ...OUTPUT_KEYS, ...VERDICT_OUTPUT_KEYS] as const;

/** What the read adds: the run that was chosen, the workflow's ID (also when given by name) and the run. */
export interface LatestWorkflowExecutionOutputs extends WorkflowExecutionResourceOutputs {
  workflowId: string;
  executionId: string;
}

/** The full state the provider returns. */
export type LatestWorkflowExecutionState = Omit<LatestWorkflowExecutionInputs, "workflowId"> & LatestWorkflowExecutionOutputs & GateVerdictOutputs;

/** Which way the workflow is named. */
export interface LatestLookup {
  by: "id" | "name";
  value: string;
}

const present = (v: unknown): v is string => v !== undefined && v !== null;

/**
 * The synthetic ID for a workflow ID or name.
 *
 * @throws ConfigurationError when neither or both are given (the resource then never reaches a read).
 */
export function latestIdOf(workflow: { workflowId?: string | null; workflowName?: string | null }): string {
  const { workflowId, workflowName } = workflow;
  const problem = workflowChoiceProblem(present(workflowId), present(workflowName));
  if (problem) throw new ConfigurationError(problem.message, problem.setting);
  return present(workflowId) ? `${LATEST_ID_PREFIX}id:${workflowId}` : `${LATEST_ID_PREFIX}name:${workflowName}`;
}

/** The lookup a synthetic ID names; undefined for any other ID. */
export function parseLatestId(id: string): LatestLookup | undefined {
  if (!id.startsWith(LATEST_ID_PREFIX)) return undefined;
  const rest = id.slice(LATEST_ID_PREFIX.length);
  for (const by of ["id", "name"] as const) {
    if (rest.startsWith(`${by}:`) && rest.length > by.length + 1) return { by, value: rest.slice(by.length + 1) };
  }
  return undefined;
}

/**
 * The inputs of one read. `props` are the inputs (a read from the program) or the prior outputs (a
 * refresh, where `workflowId` also holds the ID resolved from a name, and `executionId` the run chosen
 * last time, which is ignored: every read looks again). The ID says which way the workflow is named, so
 * a resolved `workflowId` never turns a lookup by name into one by ID; it also fills in the workflow when
 * `props` carry none. Props win over the ID otherwise.
 */
export function latestInputsFor(id: string, props: Record<string, unknown> | undefined): LatestWorkflowExecutionInputs {
  const source = props ?? {};
  const out: Record<string, unknown> = {};
  for (const key of LATEST_INPUT_KEYS) if (present(source[key])) out[key] = source[key];
  const lookup = parseLatestId(id);
  if (lookup?.by === "name") {
    delete out.workflowId;
    out.workflowName ??= lookup.value;
  } else if (lookup?.by === "id" && !present(out.workflowName)) {
    out.workflowId ??= lookup.value;
  }
  return out as LatestWorkflowExecutionInputs;
}

/** The `getLatestWorkflowExecution` arguments for these inputs. */
export function toLatestArgs(inputs: LatestWorkflowExecutionInputs): GetLatestWorkflowExecutionArgs {
  const { statusFilter, ...rest } = inputs;
  return statusFilter === undefined ? rest : { ...rest, status: statusFilter };
}

/** Inputs echoed plus the chosen run mapped to outputs, JSON-clean. */
export function toLatestState(inputs: LatestWorkflowExecutionInputs, execution: WorkflowExecution): LatestWorkflowExecutionState {
  return jsonClean({
    ...inputs,
    ...executionOutputs(execution),
    ...gateVerdict(execution, inputs),
    workflowId: execution.workflowId,
    executionId: execution.executionId,
  });
}
