/**
 * The plain (already resolved) shapes of the dynamic resource: its inputs, its state, and the mapping
 * between them and `getWorkflowExecution`. Shared by the program side (resource.ts: which keys exist) and
 * the provider host (runtime.ts: the mapping). No Pulumi import here.
 */
import type { GateMode, GetWorkflowExecutionArgs, WaitOptions } from "../args";
import type { Condition, RequireNodes } from "../conditionArgs";
import type { ExecutionStatus, WorkflowExecution, WorkflowUrn } from "../model/types";
import { payloadsOf, withoutPayloads, type NodePayloads } from "./payloads";
import { gateVerdict, type GateVerdictOutputs } from "./verdict";

/** The resource type token: `pulumi-nodejs:dynamic/fgs:WorkflowExecution`. Changing it orphans state. */
export const WORKFLOW_EXECUTION_TYPE = "pulumi-nodejs:dynamic/fgs:WorkflowExecution";

/** Connection, request and gate inputs both gate resources share, once resolved. No credentials. */
export interface GatedInputs {
  projectId?: string;
  region?: string;
  endpoint?: string;
  iamEndpoint?: string;
  fullHistory?: boolean;
  requireStatus?: ExecutionStatus | ExecutionStatus[];
  waitForCompletion?: boolean | WaitOptions;
  mode?: GateMode;
  /** ISO-8601 (a `Date` given to the constructor is converted, so state holds a string). */
  notBefore?: string;
  maxAgeSeconds?: number;
  requestTimeoutSeconds?: number;
  deadlineSeconds?: number;
  maxRetries?: number;
  /** Nodes that must have ended in a status (the gate's `requireNodes`). */
  requireNodes?: RequireNodes;
  /** Conditions on what the run produced (the gate's `conditions`). */
  conditions?: Condition[];
  /** Store payloads in plain text instead of as secrets, and let gate messages quote values. Default false. */
  exposePayloads?: boolean;
}

/** The resource's inputs once resolved. Credentials are deliberately absent: they never enter state. */
export interface WorkflowExecutionInputs extends GatedInputs {
  workflowId: string;
  executionId: string;
}

/** Every input key, in a fixed order (the provider echoes these into its outputs, see pitfall P3). */
export const INPUT_KEYS = [
  "workflowId", "executionId", "projectId", "region", "endpoint", "iamEndpoint", "fullHistory",
  "requireStatus", "waitForCompletion", "mode", "notBefore", "maxAgeSeconds",
  "requestTimeoutSeconds", "deadlineSeconds", "maxRetries", "requireNodes", "conditions", "exposePayloads",
] as const satisfies readonly (keyof WorkflowExecutionInputs)[];

/**
 * What the read adds to the inputs. Mirrors `WorkflowExecution`, with two renames forced by Pulumi:
 * `urn` is every resource's own URN, so the parsed workflow URN is `urnParts`; node payloads live in
 * `nodePayloads` (so `nodes` can stay plain while the payloads are secret).
 */
export type WorkflowExecutionResourceOutputs = Omit<WorkflowExecution, "workflowId" | "executionId" | "urn"> & {
  urnParts: WorkflowUrn;
  /** Names of `failedNodes`, handy for stack outputs and CI. */
  failedNodeNames: string[];
  /** The payloads of every node execution (`nodes` and `failedNodes` carry none). */
  nodePayloads: NodePayloads[];
};

/** Output-only keys: passed as `undefined` props so the SDK creates their resolvers (pitfall P2). */
export const OUTPUT_KEYS = [
  "workflowUrn", "urnParts", "status", "terminal", "succeeded", "headers", "input", "output",
  "beginTime", "endTime", "lastUpdateTime", "durationMs", "createdBy", "nodes", "failedNodes",
  "failedNodeNames", "nodePayloads",
] as const satisfies readonly (keyof WorkflowExecutionResourceOutputs)[];

/** Output keys that may hold secrets: listed in `additionalSecretOutputs` unless `exposePayloads`. */
export const SECRET_OUTPUT_KEYS = ["headers", "input", "output", "nodePayloads"] as const;

/** The full state the provider returns: inputs echoed plus the outputs and the verdict. */
export type WorkflowExecutionState = WorkflowExecutionInputs & WorkflowExecutionResourceOutputs & GateVerdictOutputs;

/** Keeps only known input keys with defined values (drops outputs, `__provider` and anything else). */
export function pickInputs(props: Record<string, unknown>): WorkflowExecutionInputs {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (props[key] !== undefined && props[key] !== null) out[key] = props[key];
  return out as unknown as WorkflowExecutionInputs;
}

/** The `getWorkflowExecution` arguments for a read by ID (the ID wins over any `executionId` prop). */
export function toGetArgs(id: string, inputs: WorkflowExecutionInputs): GetWorkflowExecutionArgs {
  return { ...inputs, executionId: id };
}

/** The execution mapped to the resource outputs (payloads moved out of `nodes`, `urn` renamed). */
export function executionOutputs(execution: WorkflowExecution): WorkflowExecutionResourceOutputs {
  const summary = withoutPayloads(execution);
  const payloads = payloadsOf(execution);
  const { urn, nodes, failedNodes, workflowId: _w, executionId: _e, ...rest } = summary;
  return {
    ...rest,
    urnParts: urn,
    nodes,
    failedNodes,
    failedNodeNames: failedNodes.map((n) => n.nodeName),
    headers: payloads.headers,
    input: payloads.input,
    output: payloads.output,
    nodePayloads: payloads.nodes,
  };
}

/** A state object made JSON-clean: protobuf's Struct rejects `undefined`, and arrays must be plain. */
export function jsonClean<T>(state: T): T {
  return JSON.parse(JSON.stringify(state)) as T;
}

/** Inputs echoed plus the execution mapped to outputs and the verdict, JSON-clean (no `undefined`, plain arrays). */
export function toState(inputs: WorkflowExecutionInputs, execution: WorkflowExecution): WorkflowExecutionState {
  const verdict = gateVerdict(execution, inputs);
  return jsonClean({ ...inputs, ...executionOutputs(execution), ...verdict, executionId: execution.executionId });
}
