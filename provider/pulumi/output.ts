/**
 * `getWorkflowExecutionOutput`: `getWorkflowExecution` for Pulumi programs, taking `pulumi.Input`s and
 * returning an `Output`. It runs in the program process (dynamic providers have no invoke) and writes
 * nothing to state by itself; it runs during preview too whenever its inputs are known, so a failed gate
 * fails `pulumi preview` and `pulumi up` with the `WorkflowGateError` message.
 *
 * `getLatestWorkflowExecutionOutput` does the same for `getLatestWorkflowExecution` (the latest run of a
 * workflow given by ID or name).
 *
 * Payload secrecy: an `Output` is secret as a whole, so the execution returned here has no payloads by
 * default (status, URN, nodes, errors stay plain). The `...WithPayloadsOutput` variants return the
 * payloads beside it as a separate secret `Output`; `exposePayloads: true` keeps them inline, in plain text.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GateArgs, GetLatestWorkflowExecutionResult, GetWorkflowExecutionArgs, GetWorkflowExecutionResult, ProgressEvent } from "../args";
import type { ConditionResult, Outcome } from "../conditionArgs";
import { getWorkflowExecution } from "../getWorkflowExecution";
import type { GetLatestWorkflowExecutionArgs } from "../latest/args";
import { getLatestWorkflowExecution } from "../latest/getLatestWorkflowExecution";
import { ConfigurationError } from "../errors";
import { mockMode, unmockedGateMessage } from "./mockSource";
import { payloadsOf, withoutPayloads, type ExecutionPayloads } from "./payloads";
import { quietMetadata } from "./rejections";
import { isoDateInput, programContext } from "./programContext";
import { gateVerdict, type GateVerdictOutputs } from "./verdict";

type InputableArgs = Omit<GetWorkflowExecutionArgs, "signal" | "onProgress">;

/** `getWorkflowExecution`'s arguments, each accepting a `pulumi.Input`. */
export type GetWorkflowExecutionOutputArgs = { [K in keyof InputableArgs]: pulumi.Input<InputableArgs[K]> } & {
  /**
   * Keep `headers`, `input`, `output` and node payloads in the returned execution, in plain text (they may
   * then show up in previews, logs and stack outputs), and let gate messages quote the values conditions
   * read. Default false: they are removed.
   */
  exposePayloads?: pulumi.Input<boolean>;
};

type LatestInputableArgs = Omit<GetLatestWorkflowExecutionArgs, "signal" | "onProgress">;

/** `getLatestWorkflowExecution`'s arguments, each accepting a `pulumi.Input`. */
export type GetLatestWorkflowExecutionOutputArgs = {
  [K in keyof LatestInputableArgs]: pulumi.Input<LatestInputableArgs[K]>;
} & {
  /** As for `getWorkflowExecutionOutput`: keep the payloads inline, in plain text. Default false. */
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

/** The execution without payloads, the payloads as their own (secret) `Output`, and the gate's verdict. */
export interface WorkflowExecutionOutputs {
  execution: pulumi.Output<GetWorkflowExecutionResult>;
  /** Always secret (`exposePayloads` is ignored here). */
  payloads: pulumi.Output<ExecutionPayloads>;
  /** `pass`, or (modes `warn` and `report` only) `fail` or `inconclusive`. */
  verdict: pulumi.Output<Outcome>;
  /** Each required node's and condition's name, outcome, passed and reason (no payload values). */
  conditionResults: pulumi.Output<ConditionResult[]>;
}

interface ReadResult {
  execution: GetWorkflowExecutionResult;
  expose: boolean;
  gate: GateVerdictOutputs;
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

/** The date arguments, as ISO strings: `pulumi.output` would turn a `Date` into `{}`. */
function withIsoDates<A extends object>(args: A, keys: readonly string[]): A {
  const out = { ...args } as Record<string, unknown>;
  for (const key of keys) out[key] = isoDateInput(out[key] as pulumi.Input<string | Date> | undefined);
  return out as A;
}

/**
 * One read per call, shared by every `Output` derived from it: resolves the arguments (and waits for
 * `dependsOn`), then runs `fetch` with the plain arguments, the callbacks and the program's context.
 */
function readOnce<P extends object>(
  args: object,
  dateKeys: readonly string[],
  opts: GetWorkflowExecutionOutputOptions | undefined,
  fetch: (plain: P & { onProgress?: (event: ProgressEvent) => void; signal?: AbortSignal }) => Promise<GetWorkflowExecutionResult>,
): pulumi.Output<ReadResult> {
  const inputs = withIsoDates(args, dateKeys);
  const resolved = pulumi.all([pulumi.output(inputs as pulumi.Input<unknown>), dependencies(opts?.dependsOn)]);
  const result = resolved.apply(async ([plain]) => {
    const args = plain as P & GateArgs;
    const execution = await fetch({ ...args, onProgress: opts?.onProgress, signal: opts?.signal });
    return { execution, expose: args.exposePayloads === true, gate: gateVerdict(execution, args) };
  });
  return result as unknown as pulumi.Output<ReadResult>;
}

/** The execution Output: without payloads unless `exposePayloads`. */
function executionOf(r: pulumi.Output<ReadResult>): pulumi.Output<GetWorkflowExecutionResult> {
  const out = quietMetadata(r.apply((x) => (x.expose ? x.execution : withoutPayloads(x.execution))));
  return out as unknown as pulumi.Output<GetWorkflowExecutionResult>;
}

/** The plain execution and its payloads as a secret Output, from one read. */
function splitPayloads(r: pulumi.Output<ReadResult>): WorkflowExecutionOutputs {
  const execution = quietMetadata(r.apply((x) => withoutPayloads(x.execution)));
  // Made secret inside the apply: wrapping the applied Output in `secret` would add Outputs whose failure
  // nobody handles.
  const payloads = quietMetadata(r.apply((x) => pulumi.secret(payloadsOf(x.execution))));
  return {
    execution: execution as unknown as pulumi.Output<GetWorkflowExecutionResult>,
    payloads: payloads as unknown as pulumi.Output<ExecutionPayloads>,
    verdict: quietMetadata(r.apply((x) => x.gate.verdict)),
    conditionResults: quietMetadata(r.apply((x) => x.gate.conditionResults)) as unknown as pulumi.Output<ConditionResult[]>,
  };
}

/**
 * Under `setMocks` (a unit test) the read goes to the test's canned executions, or out to the network
 * only when the test asked for it; under mocks that know nothing of the gate it is refused.
 */
function fetchExecution(plain: GetWorkflowExecutionArgs): Promise<GetWorkflowExecutionResult> {
  const mode = mockMode();
  if (mode.kind === "unhandled") throw new ConfigurationError(unmockedGateMessage("getWorkflowExecutionOutput"));
  if (mode.kind === "handled" && !mode.handler.network) return mode.handler.readExecution(plain);
  return getWorkflowExecution(plain, programContext());
}

function fetchLatest(plain: GetLatestWorkflowExecutionArgs): Promise<GetLatestWorkflowExecutionResult> {
  const mode = mockMode();
  if (mode.kind === "unhandled") throw new ConfigurationError(unmockedGateMessage("getLatestWorkflowExecutionOutput"));
  if (mode.kind === "handled" && !mode.handler.network) return mode.handler.readLatest(plain);
  return getLatestWorkflowExecution(plain, programContext());
}

function read(args: GetWorkflowExecutionOutputArgs, opts?: GetWorkflowExecutionOutputOptions): pulumi.Output<ReadResult> {
  return readOnce<InputableArgs>(args, ["notBefore"], opts, fetchExecution);
}

function readLatest(args: GetLatestWorkflowExecutionOutputArgs, opts?: GetWorkflowExecutionOutputOptions): pulumi.Output<ReadResult> {
  return readOnce<LatestInputableArgs>(args, ["notBefore", "since", "until"], opts, fetchLatest);
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
): pulumi.Output<GetWorkflowExecutionResult> {
  return executionOf(read(args, opts));
}

/**
 * Like `getWorkflowExecutionOutput`, from one read: the execution without payloads (plain) and the
 * payloads as a secret `Output`, so that both can be used (or exported) with the right visibility.
 */
export function getWorkflowExecutionWithPayloadsOutput(
  args: GetWorkflowExecutionOutputArgs,
  opts?: GetWorkflowExecutionOutputOptions,
): WorkflowExecutionOutputs {
  return splitPayloads(read(args, opts));
}

/**
 * Finds the latest run of a workflow (by `workflowId` or exact `workflowName`, optional `status` filter
 * and `since`/`until` window), reads it and applies the gate options, from a Pulumi program. Runs during
 * preview too once the arguments are known; writes nothing to state.
 *
 * @returns The chosen run without `headers`, `input`, `output` and node payloads, unless `exposePayloads`.
 *   Rejects (failing the preview or update) on a gate failure, an unknown or ambiguous workflow name,
 *   no run in the window (`NoExecutionFoundError`) or a read error.
 */
export function getLatestWorkflowExecutionOutput(
  args: GetLatestWorkflowExecutionOutputArgs,
  opts?: GetWorkflowExecutionOutputOptions,
): pulumi.Output<GetLatestWorkflowExecutionResult> {
  return executionOf(readLatest(args, opts));
}

/**
 * Like `getLatestWorkflowExecutionOutput`, from one lookup: the chosen run without payloads (plain) and
 * its payloads as a secret `Output`.
 */
export function getLatestWorkflowExecutionWithPayloadsOutput(
  args: GetLatestWorkflowExecutionOutputArgs,
  opts?: GetWorkflowExecutionOutputOptions,
): WorkflowExecutionOutputs {
  return splitPayloads(readLatest(args, opts));
}
