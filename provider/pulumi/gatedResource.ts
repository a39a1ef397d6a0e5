/**
 * What the two gate resources (`WorkflowExecution`, `LatestWorkflowExecution`) share: the inputs that
 * say where to read and how to gate, and the outputs that mirror `GetWorkflowExecutionResult`. One
 * declaration, so the two resources cannot drift apart.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GateMode, WaitOptions } from "../args";
import type { Condition, ConditionResult, Outcome, RequireNodes } from "../conditionArgs";
import type { ExecutionStatus, JsonObject, NodeExecutionDetail, WorkflowUrn } from "../model/types";
import type { NodePayloads } from "./payloads";
import { keepOneRejection } from "./rejections";

/** Connection, request and gate inputs common to both resources. No credentials, ever. */
export interface GatedExecutionArgs {
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
  /** Nodes, by name, that must have ended in a status (`success` for a list of names). */
  requireNodes?: pulumi.Input<RequireNodes>;
  /** Conditions on the run's output or input, or a node's output. They turn on the full-history read. */
  conditions?: pulumi.Input<Condition[]>;
  /**
   * Store `headers`, `input`, `output` and `nodePayloads` in plain text instead of as secrets, and let
   * gate messages and condition reasons quote values. A plain boolean (not an Input) because it decides
   * `additionalSecretOutputs` when the resource is constructed.
   */
  exposePayloads?: boolean;
}

/**
 * The outputs of a gated execution: the model's fields, with two Pulumi-imposed renames (the parsed URN
 * is `urnParts`, since every resource has an `urn`; node payloads are in `nodePayloads`, outside `nodes`,
 * so that they can be secret while node names and errors stay visible).
 */
export abstract class GatedExecutionResource extends pulumi.dynamic.Resource {
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    super(provider, name, props, opts, module, type);
    keepOneRejection(this);
  }

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
  /** The gate's verdict: `pass`, or (modes `warn` and `report` only) `fail` or `inconclusive`. */
  declare readonly verdict: pulumi.Output<Outcome>;
  /** Each required node's and condition's name, outcome, passed and reason (no payload values). */
  declare readonly conditionResults: pulumi.Output<ConditionResult[]>;
}
