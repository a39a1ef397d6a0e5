/**
 * `LatestWorkflowExecution`: the latest run of a workflow (by ID or name) as a Pulumi dynamic resource,
 * gated like `WorkflowExecution` and read the same way. It is read by a synthetic, stable ID
 * (`latest:id:<workflowId>` or `latest:name:<workflowName>`, see latestState.ts), so it keeps every property
 * of the read-by-ID pattern: the engine runs the read on every preview, up and refresh (each read looks for
 * the latest run again), stores the result as external (never deleted, never diffed, no update noise),
 * and a read that fails the gate fails the step, so resources that `dependsOn` the gate are neither
 * created nor updated. The chosen run is the `executionId` output.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ListStatus } from "../latest/args";
import { LATEST_INPUT_KEYS, LATEST_OUTPUT_KEYS, LATEST_WORKFLOW_EXECUTION_TYPE, latestIdOf } from "./latestState";
import { type GatedExecutionArgs, GatedExecutionResource } from "./gatedResource";
import { refuseUnmockedGate } from "./mockSource";
import { isoDateInput, isPlain } from "./programContext";
import { latestWorkflowExecutionProvider } from "./provider";
import { SECRET_OUTPUT_KEYS } from "./resourceState";
import { throwOnFailures, validateLatestInputs } from "./validate";

export { LATEST_WORKFLOW_EXECUTION_TYPE };

/** Inputs of the resource: `getLatestWorkflowExecution`'s arguments and gate options. No credentials, ever. */
export interface LatestWorkflowExecutionArgs extends GatedExecutionArgs {
  /** The workflow's ID. Give exactly one of `workflowId` and `workflowName`. */
  workflowId?: pulumi.Input<string>;
  /** The workflow's exact (case-sensitive) name; an unknown or ambiguous name fails the read. */
  workflowName?: pulumi.Input<string>;
  /**
   * Only runs with this status count (`status` of `getLatestWorkflowExecution`; renamed because `status`
   * is the output holding the chosen run's status). Default: any run.
   */
  statusFilter?: pulumi.Input<ListStatus>;
  /** Only runs that began at or after this instant count. Default: `until` minus 3 days. */
  since?: pulumi.Input<string | Date>;
  /** Only runs that began at or before this instant count. Default: now plus 15 minutes. */
  until?: pulumi.Input<string | Date>;
}

/** The synthetic ID, as an Input: a plain string when both keys are known now, else derived later. */
function latestIdInput(args: LatestWorkflowExecutionArgs): pulumi.Input<string> {
  const { workflowId, workflowName } = args;
  if (isPlain(workflowId) && isPlain(workflowName)) {
    return latestIdOf({ workflowId: workflowId as string | undefined, workflowName: workflowName as string | undefined });
  }
  return pulumi.all([workflowId, workflowName]).apply(([id, wfName]) => latestIdOf({ workflowId: id, workflowName: wfName }));
}

/**
 * The latest run of a FunctionGraph workflow, found and read on every preview, up and refresh, and gated.
 * Outputs mirror `GetWorkflowExecutionResult` like those of `WorkflowExecution` (`urnParts`,
 * `nodePayloads`, `failedNodeNames`); `executionId` is the run that was chosen and `workflowId` the
 * workflow's ID (also when it was given by name). The resource's own `id` is the synthetic lookup ID.
 * Payload outputs are secret unless `exposePayloads` is set.
 */
export class LatestWorkflowExecution extends GatedExecutionResource {
  /** The name given as input, if any (`workflowId` is the resolved ID; `executionId` the run chosen). */
  declare readonly workflowName: pulumi.Output<string | undefined>;

  /**
   * @param name Pulumi resource name.
   * @param args Which workflow, which runs count, where, and the gate options. Known values are validated
   *   here; the rest (and the name lookup) in the provider's read, before its first request.
   * @param opts Resource options; `id` is always the synthetic lookup ID (a given `id` is overridden).
   */
  constructor(name: string, args: LatestWorkflowExecutionArgs, opts?: pulumi.CustomResourceOptions) {
    refuseUnmockedGate(`LatestWorkflowExecution "${name}"`);
    throwOnFailures(`LatestWorkflowExecution "${name}"`, validateLatestInputs(args as unknown as Record<string, unknown>, isPlain));
    const props: Record<string, unknown> = {};
    // Every key present (undefined when not given), so that `workflowId` and `workflowName` always
    // resolve (pitfall P2: a key missing from props gets no output resolver).
    for (const key of LATEST_INPUT_KEYS) props[key] = (args as Record<string, unknown>)[key];
    for (const key of ["since", "until", "notBefore"] as const) props[key] = isoDateInput(args[key]);
    for (const key of LATEST_OUTPUT_KEYS) props[key] = undefined;
    // Strictly `true`: anything else (an Output, which is truthy) keeps the payloads secret.
    const secretOutputs = args.exposePayloads === true ? [] : [...SECRET_OUTPUT_KEYS];
    super(
      latestWorkflowExecutionProvider,
      name,
      props,
      {
        ...opts,
        id: latestIdInput(args),
        additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs],
      },
      "fgs",
      "LatestWorkflowExecution",
    );
  }
}
