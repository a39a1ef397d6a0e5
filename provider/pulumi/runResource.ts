/**
 * `WorkflowRun`: a dynamic resource whose create starts a workflow run and gates on it. A failed gate
 * fails the create, so resources that depend on it are neither created nor updated. A change to any
 * input (typically `triggers`) replaces it with a new run; an `up` with unchanged inputs starts nothing,
 * and a preview never starts a run (its outputs are unknown until the up).
 */
import * as pulumi from "@pulumi/pulumi";
import { type GatedExecutionArgs, GatedExecutionResource } from "./gatedResource";
import { refuseUnmockedGate } from "./mockSource";
import { isoDateInput, isPlain } from "./programContext";
import { workflowRunProvider } from "./provider";
import { SECRET_OUTPUT_KEYS } from "./resourceState";
import { RUN_ALWAYS_SECRET_KEYS, RUN_INPUT_KEYS, RUN_OUTPUT_KEYS, WORKFLOW_RUN_TYPE } from "./runState";
import { throwOnFailures } from "./validate";
import { validateRunInputs } from "./validateRun";

export { WORKFLOW_RUN_TYPE };

/** Inputs of `WorkflowRun`: `runWorkflow`'s arguments, gate options and `triggers`. No credentials, ever. */
export interface WorkflowRunArgs extends GatedExecutionArgs {
  /** The workflow to run. Give exactly one of `workflowId` and `workflowName`. */
  workflowId?: pulumi.Input<string>;
  /** The workflow's exact name, resolved to its ID when the run starts. */
  workflowName?: pulumi.Input<string>;
  /** The run's input, a JSON object (required). Stored as a secret: it may carry secrets. */
  input: pulumi.Input<Record<string, unknown>>;
  /** The run's headers, a JSON object. Stored as a secret. */
  headers?: pulumi.Input<Record<string, unknown>>;
  /** Any values. When they change, a new run replaces the old one (e.g. the version being deployed). */
  triggers?: pulumi.Input<unknown>;
  /** Run an express workflow through the synchronous API. Default false. */
  sync?: pulumi.Input<boolean>;
  /** Terminate the run when the wait gives up (times out). Default true. */
  stopOnGiveUp?: pulumi.Input<boolean>;
}

/** Wraps a given value as a secret; leaves it out when it was not given. */
function secretInput(v: pulumi.Input<Record<string, unknown>> | undefined): pulumi.Output<unknown> | undefined {
  return v === undefined ? undefined : pulumi.secret(v);
}

/**
 * A run of a FunctionGraph workflow, started on create and gated like `runWorkflow`. Outputs mirror
 * `GetWorkflowExecutionResult` like those of `WorkflowExecution`; `executionId` is the run started and
 * the resource's ID. `input` and `headers` are always secret; the run's `output` and `nodePayloads`
 * unless `exposePayloads`. Deleting the resource leaves the run and its history alone.
 */
export class WorkflowRun extends GatedExecutionResource {
  /** The workflow's name, when it was given by name (`workflowId` is then the resolved ID). */
  declare readonly workflowName: pulumi.Output<string | undefined>;
  /** The values that, when they change, start a new run. */
  declare readonly triggers: pulumi.Output<unknown>;

  /**
   * @param name Pulumi resource name.
   * @param args Which workflow, the run's input, where, and the gate options. Known values are validated here.
   * @param opts Resource options.
   */
  constructor(name: string, args: WorkflowRunArgs, opts?: pulumi.CustomResourceOptions) {
    refuseUnmockedGate(`WorkflowRun "${name}"`);
    throwOnFailures(`WorkflowRun "${name}"`, validateRunInputs(args as unknown as Record<string, unknown>, isPlain));
    const props: Record<string, unknown> = {};
    // Every key present (undefined when not given): pitfall P2, a missing key gets no output resolver.
    for (const key of RUN_INPUT_KEYS) props[key] = (args as unknown as Record<string, unknown>)[key];
    props.notBefore = isoDateInput(args.notBefore);
    props.input = secretInput(args.input);
    props.headers = secretInput(args.headers);
    for (const key of RUN_OUTPUT_KEYS) props[key] = undefined;
    // Strictly `true`: anything else (an Output, which is truthy) keeps the payloads secret.
    const payloadKeys = args.exposePayloads === true ? [] : SECRET_OUTPUT_KEYS.filter((k) => k === "output" || k === "nodePayloads");
    super(
      workflowRunProvider,
      name,
      props,
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...RUN_ALWAYS_SECRET_KEYS, ...payloadKeys] },
      "fgs",
      "WorkflowRun",
    );
  }
}
