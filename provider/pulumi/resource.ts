/**
 * `WorkflowExecution` as a Pulumi dynamic resource, read by ID: the engine re-reads the execution on every
 * preview, up and refresh, stores it as external (never deleted) and never diffs it. A read that fails the
 * gate throws in the provider host, the engine fails that step, and resources that `dependsOn` the gate
 * are neither created nor updated.
 */
import * as pulumi from "@pulumi/pulumi";
import { type GatedExecutionArgs, GatedExecutionResource } from "./gatedResource";
import { refuseUnmockedGate } from "./mockSource";
import { isoDateInput, isPlain } from "./programContext";
import { workflowExecutionProvider } from "./provider";
import { OUTPUT_KEYS, SECRET_OUTPUT_KEYS, WORKFLOW_EXECUTION_TYPE } from "./resourceState";
import { throwOnFailures, validateInputs } from "./validate";
import { VERDICT_OUTPUT_KEYS } from "./verdict";

export { WORKFLOW_EXECUTION_TYPE };

/** Inputs of the resource: `getWorkflowExecution`'s arguments and gate options. No credentials, ever. */
export interface WorkflowExecutionResourceArgs extends GatedExecutionArgs {
  workflowId: pulumi.Input<string>;
  /** Also the resource ID (the execution is read by this ID). */
  executionId: pulumi.Input<string>;
}

/**
 * A FunctionGraph workflow execution, read by ID and gated. Outputs mirror `GetWorkflowExecutionResult`;
 * the parsed URN is `urnParts` (`urn` is the resource's own URN) and node payloads are in `nodePayloads`.
 * Payload outputs are secret unless `exposePayloads` is set.
 */
export class WorkflowExecutionResource extends GatedExecutionResource {
  /**
   * @param name Pulumi resource name.
   * @param args Which execution, where, and the gate options. Validated here for values already known.
   * @param opts Resource options; `id` is always the execution ID (a given `id` is overridden).
   */
  constructor(name: string, args: WorkflowExecutionResourceArgs, opts?: pulumi.CustomResourceOptions) {
    refuseUnmockedGate(`WorkflowExecution "${name}"`);
    throwOnFailures(`WorkflowExecution "${name}"`, validateInputs(args as unknown as Record<string, unknown>, isPlain));
    const props: Record<string, unknown> = { ...args, notBefore: isoDateInput(args.notBefore) };
    for (const key of [...OUTPUT_KEYS, ...VERDICT_OUTPUT_KEYS]) props[key] = undefined;
    // Strictly `true`: anything else (an Output, which is truthy) keeps the payloads secret.
    const secretOutputs = args.exposePayloads === true ? [] : [...SECRET_OUTPUT_KEYS];
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
