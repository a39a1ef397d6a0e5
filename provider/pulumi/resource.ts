/**
 * `WorkflowExecution` as a Pulumi dynamic resource, read by ID: the engine re-reads the execution on every
 * preview, up and refresh, stores it as external (never deleted) and never diffs it. A read that fails the
 * gate throws in the provider host, the engine fails that step, and resources that `dependsOn` the gate
 * are neither created nor updated.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigurationError } from "../api/errors";
import type { GateMode, WaitOptions } from "../args";
import type { ExecutionStatus, JsonObject, NodeExecutionDetail, WorkflowUrn } from "../model/types";
import type { NodePayloads } from "./payloads";
import { isoDateInput, isPlain } from "./programContext";
import { workflowExecutionProvider } from "./provider";
import { OUTPUT_KEYS, SECRET_OUTPUT_KEYS, WORKFLOW_EXECUTION_TYPE } from "./resourceState";
import { describeFailures, validateInputs } from "./validate";

export { WORKFLOW_EXECUTION_TYPE };

/** Inputs of the resource: `getWorkflowExecution`'s arguments and gate options. No credentials, ever. */
export interface WorkflowExecutionResourceArgs {
  workflowId: pulumi.Input<string>;
  /** Also the resource ID (the execution is read by this ID). */
  executionId: pulumi.Input<string>;
  projectId?: pulumi.Input<string>;
  region?: pulumi.Input<string>;
  endpoint?: pulumi.Input<string>;
  iamEndpoint?: pulumi.Input<string>;
  fullHistory?: pulumi.Input<boolean>;
  requireStatus?: pulumi.Input<ExecutionStatus | ExecutionStatus[]>;
  /** Waiting happens inside the engine's read step: keep its timeout short (a few minutes at most). */
  waitForCompletion?: pulumi.Input<boolean | WaitOptions>;
  mode?: pulumi.Input<GateMode>;
  notBefore?: pulumi.Input<string | Date>;
  maxAgeSeconds?: pulumi.Input<number>;
  requestTimeoutSeconds?: pulumi.Input<number>;
  deadlineSeconds?: pulumi.Input<number>;
  maxRetries?: pulumi.Input<number>;
  /**
   * Store `headers`, `input`, `output` and `nodePayloads` in plain text instead of as secrets. A plain
   * boolean (not an Input) because it decides `additionalSecretOutputs` when the resource is constructed.
   */
  exposePayloads?: boolean;
}

/**
 * A FunctionGraph workflow execution, read by ID and gated. Outputs mirror the `WorkflowExecution` model;
 * the parsed URN is `urnParts` (`urn` is the resource's own URN) and node payloads are in `nodePayloads`.
 * Payload outputs are secret unless `exposePayloads` is set.
 */
export class WorkflowExecutionResource extends pulumi.dynamic.Resource {
  // `declare` (not a field): with useDefineForClassFields a field would reset the SDK's output after super().
  declare readonly workflowId: pulumi.Output<string>;
  declare readonly executionId: pulumi.Output<string>;
  declare readonly workflowUrn: pulumi.Output<string>;
  declare readonly urnParts: pulumi.Output<WorkflowUrn>;
  declare readonly status: pulumi.Output<ExecutionStatus>;
  declare readonly terminal: pulumi.Output<boolean>;
  declare readonly succeeded: pulumi.Output<boolean>;
  declare readonly headers: pulumi.Output<JsonObject | undefined>;
  declare readonly input: pulumi.Output<JsonObject | undefined>;
  declare readonly output: pulumi.Output<JsonObject | undefined>;
  declare readonly beginTime: pulumi.Output<string | undefined>;
  declare readonly endTime: pulumi.Output<string | undefined>;
  declare readonly lastUpdateTime: pulumi.Output<string | undefined>;
  declare readonly durationMs: pulumi.Output<number | undefined>;
  declare readonly createdBy: pulumi.Output<string | undefined>;
  declare readonly nodes: pulumi.Output<NodeExecutionDetail[]>;
  declare readonly failedNodes: pulumi.Output<NodeExecutionDetail[]>;
  declare readonly failedNodeNames: pulumi.Output<string[]>;
  declare readonly nodePayloads: pulumi.Output<NodePayloads[]>;

  /**
   * @param name Pulumi resource name.
   * @param args Which execution, where, and the gate options. Validated here for values already known.
   * @param opts Resource options; `id` is always the execution ID (a given `id` is overridden).
   */
  constructor(name: string, args: WorkflowExecutionResourceArgs, opts?: pulumi.CustomResourceOptions) {
    const failures = validateInputs(args as unknown as Record<string, unknown>, isPlain);
    if (failures.length > 0) {
      throw new ConfigurationError(`WorkflowExecution "${name}": ${describeFailures(failures)}`, failures[0].property);
    }
    const props: Record<string, unknown> = { ...args, notBefore: isoDateInput(args.notBefore) };
    for (const key of OUTPUT_KEYS) props[key] = undefined;
    const secretOutputs = args.exposePayloads ? [] : [...SECRET_OUTPUT_KEYS];
    super(
      workflowExecutionProvider,
      name,
      props,
      {
        ...opts,
        id: args.executionId,
        additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs],
      },
      "fgs",
      "WorkflowExecution",
    );
  }
}
