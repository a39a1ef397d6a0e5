/**
 * `getWorkflowExecutionOutput`: `getWorkflowExecution` for Pulumi programs, taking `pulumi.Input`s and
 * returning an `Output`. It runs in the program process (dynamic providers have no invoke) and writes
 * nothing to state by itself; it runs during preview too whenever its inputs are known, so a failed gate
 * fails `pulumi preview` and `pulumi up` with the `WorkflowGateError` message.
 *
 * Payload secrecy: an `Output` is secret as a whole, so the execution returned here has no payloads by
 * default (status, URN, nodes, errors stay plain). `getWorkflowExecutionWithPayloadsOutput` returns the
 * payloads beside it as a separate secret `Output`; `exposePayloads: true` keeps them inline, in plain text.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GetWorkflowExecutionArgs, ProgressEvent } from "../args";
import { getWorkflowExecution } from "../getWorkflowExecution";
import type { WorkflowExecution } from "../model/types";
import { payloadsOf, withoutPayloads, type ExecutionPayloads } from "./payloads";
import { isoDateInput, programContext } from "./programContext";

type InputableArgs = Omit<GetWorkflowExecutionArgs, "signal" | "onProgress">;

/** `getWorkflowExecution`'s arguments, each accepting a `pulumi.Input`. */
export type GetWorkflowExecutionOutputArgs = { [K in keyof InputableArgs]: pulumi.Input<InputableArgs[K]> } & {
  /**
   * Keep `headers`, `input`, `output` and node payloads in the returned execution, in plain text (they may
   * then show up in previews, logs and stack outputs). Default false: they are removed.
   */
  exposePayloads?: pulumi.Input<boolean>;
};

/** Options of the Output functions (the part of `pulumi.InvokeOptions` that applies, plus callbacks). */
export interface GetWorkflowExecutionOutputOptions {
  /** Read only after these resources are created or updated (e.g. the deployment that starts the run). */
  dependsOn?: pulumi.Input<pulumi.Resource> | pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
  /** Called on the first read and every status change (not an Input: it is never serialized). */
  onProgress?: (event: ProgressEvent) => void;
  /** Cancels the read and any wait. */
  signal?: AbortSignal;
}

/** The execution without payloads, and the payloads as their own (secret) `Output`. */
export interface WorkflowExecutionOutputs {
  execution: pulumi.Output<WorkflowExecution>;
  /** Always secret (`exposePayloads` is ignored here). */
  payloads: pulumi.Output<ExecutionPayloads>;
}

interface ReadResult {
  execution: WorkflowExecution;
  expose: boolean;
}

/** Resolves once every dependency is registered (a custom resource's URN resolves after its step). */
function dependencies(dependsOn: GetWorkflowExecutionOutputOptions["dependsOn"]): pulumi.Output<unknown> {
  if (dependsOn === undefined) return pulumi.output(true);
  const deps = pulumi.output(dependsOn) as unknown as pulumi.Output<pulumi.Resource | pulumi.Resource[]>;
  return deps.apply((list) => {
    const resources = Array.isArray(list) ? list : [list];
    return pulumi.all(resources.map((r) => r.urn));
  });
}

/** One read per call, shared by every `Output` derived from it. */
function read(args: GetWorkflowExecutionOutputArgs, opts?: GetWorkflowExecutionOutputOptions): pulumi.Output<ReadResult> {
  const inputs = { ...args, notBefore: isoDateInput(args.notBefore as pulumi.Input<string | Date> | undefined) };
  const resolved = pulumi.all([pulumi.output(inputs as pulumi.Input<unknown>), dependencies(opts?.dependsOn)]);
  const result = resolved.apply(async ([plain]) => {
    const { exposePayloads, ...rest } = plain as InputableArgs & { exposePayloads?: boolean };
    const getArgs: GetWorkflowExecutionArgs = { ...rest, onProgress: opts?.onProgress, signal: opts?.signal };
    const execution = await getWorkflowExecution(getArgs, programContext());
    return { execution, expose: exposePayloads === true };
  });
  return result as unknown as pulumi.Output<ReadResult>;
}

/**
 * Reads a workflow execution (and applies the gate options) from a Pulumi program.
 *
 * @returns The execution without `headers`, `input`, `output` and node payloads, unless `exposePayloads`.
 *   Rejects (failing the preview or update) on a gate failure or a read error.
 */
export function getWorkflowExecutionOutput(
  args: GetWorkflowExecutionOutputArgs,
  opts?: GetWorkflowExecutionOutputOptions,
): pulumi.Output<WorkflowExecution> {
  const out = read(args, opts).apply((r) => (r.expose ? r.execution : withoutPayloads(r.execution)));
  return out as unknown as pulumi.Output<WorkflowExecution>;
}

/**
 * Like `getWorkflowExecutionOutput`, from one read: the execution without payloads (plain) and the
 * payloads as a secret `Output`, so that both can be used (or exported) with the right visibility.
 */
export function getWorkflowExecutionWithPayloadsOutput(
  args: GetWorkflowExecutionOutputArgs,
  opts?: GetWorkflowExecutionOutputOptions,
): WorkflowExecutionOutputs {
  const r = read(args, opts);
  const execution = r.apply((x) => withoutPayloads(x.execution));
  const payloads = pulumi.secret(r.apply((x) => payloadsOf(x.execution)));
  return {
    execution: execution as unknown as pulumi.Output<WorkflowExecution>,
    payloads: payloads as unknown as pulumi.Output<ExecutionPayloads>,
  };
}
