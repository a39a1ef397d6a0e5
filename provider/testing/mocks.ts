/**
 * `mockWorkflowGates`: `pulumi.runtime.setMocks` for stacks that use this package. Under plain mocks no
 * engine runs the dynamic providers, so the gate resources would never decide; here the mocks run the
 * package's own provider code for them (`WorkflowExecution`, `LatestWorkflowExecution`, `WorkflowRun`) and
 * the Output functions, against canned runs. A failed gate fails the resource or Output with the same
 * `WorkflowGateError` as in production. Nothing is sent unless the test asks for `network: true`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GateLogger } from "../context";
import { LATEST_WORKFLOW_EXECUTION_TYPE } from "../pulumi/latestState";
import { GATE_MOCKS, type GateMockHandler } from "../pulumi/mockSource";
import { programContext, stackConfig } from "../pulumi/programContext";
import { SECRET_OUTPUT_KEYS, WORKFLOW_EXECUTION_TYPE } from "../pulumi/resourceState";
import { createRunForProvider } from "../pulumi/runProvider";
import { RUN_ALWAYS_SECRET_KEYS, WORKFLOW_RUN_TYPE } from "../pulumi/runState";
import { pickProviderConfig, readForProvider, readLatestForProvider } from "../pulumi/runtime";
import { type CannedRuns, type CannedSource, cannedSource, type GateMockRequest } from "./source";

/** Options of `mockWorkflowGates`. */
export interface WorkflowGateMockOptions extends CannedRuns {
  /**
   * Let the gate read and start runs for real (for a test against the emulator), with the stack config's
   * and the environment's credentials, instead of answering from the canned runs. Default false.
   */
  network?: boolean;
  /** Mocks for every other resource and call. Default: a resource's state is its inputs, a call returns `{}`. */
  mocks?: Partial<pulumi.runtime.Mocks>;
  /**
   * What a gate resource that fails does. `"reject"` (default): its step fails as in production; its
   * outputs reject, and Pulumi reports the failure (and that of every resource waiting on it) as
   * unhandled rejections, which fail a Jest test. `"hold"`: for tests that expect a failure, its step
   * never completes, so nothing that depends on it is created and nothing rejects; read the failure with
   * `outcomeOf` (the gate's own outputs then never resolve).
   */
  failedGates?: "reject" | "hold";
  /** Passed to `setMocks`. Defaults `"project"`, `"stack"`, false (a preview never starts a run either). */
  project?: string;
  stack?: string;
  preview?: boolean;
}

/** What the test can look at afterwards. */
export interface WorkflowGateMocks {
  /** Every read, lookup and start the gate asked for, in order (canned mode only). */
  requests: GateMockRequest[];
  /**
   * How a gate resource was decided, by resource name, once it has been: `undefined` when it passed, else
   * the error it failed with, the gate's own (a `WorkflowGateError`, a `ConfigurationError`...). The
   * resource's outputs reject with Pulumi's wrapper of it, which keeps only the message.
   */
  outcomeOf(resourceName: string): Promise<Error | undefined>;
  /** The name of every resource registered so far (all types), in order. */
  registered: string[];
}

type MockResult = { id: string | undefined; state: Record<string, unknown> };
type Handler = (args: pulumi.runtime.MockResourceArgs, inputs: Record<string, unknown>) => Promise<MockResult>;

/** Inputs as the engine would give them to the provider: secrets unwrapped. */
function unwrapSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (o[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return unwrapSecrets(o.value);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x)]));
}

/** Marks the outputs secret that the engine would (mocks ignore `additionalSecretOutputs`). */
function withSecrets(state: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...state };
  for (const key of keys) if (out[key] !== undefined) out[key] = pulumi.secret(out[key]);
  return out;
}

function secretKeysOf(inputs: Record<string, unknown>, always: readonly string[] = []): string[] {
  return [...always, ...(inputs.exposePayloads === true ? [] : SECRET_OUTPUT_KEYS)];
}

/** What each of the package's resource types does under the mocks: the provider's own code. */
function handlers(source: CannedSource | undefined, logger: GateLogger): Record<string, Handler> {
  const config = () => pickProviderConfig(stackConfig());
  return {
    [WORKFLOW_EXECUTION_TYPE]: async (args, inputs) => {
      const res = await readForProvider(args.id ?? "", inputs, config(), source?.readExecution);
      return { id: res.id, state: withSecrets(res.props as never, secretKeysOf(inputs)) };
    },
    [LATEST_WORKFLOW_EXECUTION_TYPE]: async (args, inputs) => {
      const res = await readLatestForProvider(args.id ?? "", inputs, config(), source?.readLatest);
      return { id: res.id, state: withSecrets(res.props as never, secretKeysOf(inputs)) };
    },
    [WORKFLOW_RUN_TYPE]: async (_args, inputs) => {
      // As the engine: a preview never calls create, so nothing starts and the outputs stay unknown.
      if (pulumi.runtime.isDryRun()) return { id: undefined, state: {} };
      const context = { config: stackConfig(), logger, env: process.env };
      const res = await createRunForProvider(inputs, context, source?.run);
      return { id: res.id, state: withSecrets(res.outs as never, secretKeysOf(inputs, RUN_ALWAYS_SECRET_KEYS)) };
    },
  };
}

/**
 * Installs `pulumi.runtime.setMocks` so that every gate of the stack under test decides on canned runs.
 * Call it before the stack's program runs (before importing it, in a typical test).
 *
 * @returns The log of what the gate asked for.
 */
export async function mockWorkflowGates(options: WorkflowGateMockOptions = {}): Promise<WorkflowGateMocks> {
  const logger = programContext().logger as GateLogger;
  const network = options.network === true;
  const source = network ? undefined : cannedSource(options, logger);
  const byType = handlers(source, logger);
  const handler: GateMockHandler = source
    ? { network: false, readExecution: source.readExecution, readLatest: source.readLatest }
    : { network: true };
  const others = options.mocks ?? {};
  const registered: string[] = [];
  const outcomes = new Map<string, { promise: Promise<Error | undefined>; resolve(outcome: Error | undefined): void }>();
  const outcome = (name: string) => {
    let entry = outcomes.get(name);
    if (entry === undefined) {
      let resolve!: (outcome: Error | undefined) => void;
      const promise = new Promise<Error | undefined>((r) => (resolve = r));
      outcomes.set(name, (entry = { promise, resolve }));
    }
    return entry;
  };
  /** Runs the gate and records how it was decided; a held failure's step never completes. */
  const decide = (own: Handler, args: pulumi.runtime.MockResourceArgs): Promise<MockResult> => {
    const result = own(args, unwrapSecrets(args.inputs) as Record<string, unknown>);
    result.then(
      () => outcome(args.name).resolve(undefined),
      (e: unknown) => outcome(args.name).resolve(e as Error),
    );
    return options.failedGates === "hold" ? result.catch(() => new Promise<MockResult>(() => undefined)) : result;
  };
  const mocks: pulumi.runtime.Mocks & { [GATE_MOCKS]: GateMockHandler } = {
    [GATE_MOCKS]: handler,
    async newResource(args) {
      registered.push(args.name);
      const own = byType[args.type];
      if (own !== undefined) return decide(own, args);
      if (others.newResource) return others.newResource(args);
      return { id: args.id || `${args.name}-id`, state: args.inputs };
    },
    call: (args) => (others.call ? others.call(args) : {}),
  };
  await pulumi.runtime.setMocks(mocks, options.project ?? "project", options.stack ?? "stack", options.preview ?? false);
  return { requests: source?.requests ?? [], outcomeOf: (name) => outcome(name).promise, registered };
}
