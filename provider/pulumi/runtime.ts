/**
 * The provider host's entry point: `fgs-workflow-gate/runtime` (package.json `exports`).
 *
 * The serialized `__provider` stored in state contains only a few lines that `require` this module by its
 * package name at run time. So the state never embeds the client, ajv or compiled validators, stays small,
 * and an `npm update` of this package fixes provider behaviour even for resources already in state. Keep
 * the names and signatures exported here stable: old state calls them.
 *
 * Nothing here imports @pulumi/pulumi; credentials come from `configure()` (stack config) or the host's
 * environment and are never returned, logged or put into an error message.
 */
import type { GetWorkflowExecutionArgs } from "../args";
import type { ConfigSource, GateLogger } from "../context";
import type { GetLatestWorkflowExecutionArgs } from "../latest/args";
import type { WorkflowExecution } from "../model/types";
import { getWorkflowExecution } from "../getWorkflowExecution";
import { getLatestWorkflowExecution } from "../latest/getLatestWorkflowExecution";
import {
  LATEST_INPUT_KEYS,
  latestIdOf,
  latestInputsFor,
  toLatestArgs,
  toLatestState,
  type LatestWorkflowExecutionState,
} from "./latestState";
import { INPUT_KEYS, pickInputs, toGetArgs, toState, type WorkflowExecutionState } from "./resourceState";
import { createRunForProvider } from "./runProvider";
import { throwOnFailures, type InputFailure, UNKNOWN, validateInputs, validateLatestInputs } from "./validate";

export { checkRunForProvider, diffRunForProvider, readRunForProvider } from "./runProvider";

/** Stack config keys the provider reads in `configure()`; nothing else of the stack config is kept. */
export const PROVIDER_CONFIG_KEYS = [
  "huaweicloud:accessKey",
  "huaweicloud:secretKey",
  "huaweicloud:securityToken",
  "huaweicloud:region",
  "huaweicloud:projectId",
  "huaweicloud:iamEndpoint",
] as const;

/** The subset of stack config the provider keeps (in the host's memory only). */
export type ProviderConfig = Partial<Record<(typeof PROVIDER_CONFIG_KEYS)[number], string>>;

/** Copies the `huaweicloud:*` keys the provider needs out of the host's config object. */
export function pickProviderConfig(config: { get(key: string): string | undefined } | undefined): ProviderConfig {
  const out: ProviderConfig = {};
  for (const key of PROVIDER_CONFIG_KEYS) {
    let value: string | undefined;
    try {
      value = config?.get(key);
    } catch {
      // The host's config throws if Configure was never sent; env variables still apply then.
      value = undefined;
    }
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out;
}

function configSource(config: ProviderConfig | undefined): ConfigSource {
  return { get: (key) => (config as Record<string, string | undefined> | undefined)?.[key] };
}

/** The host's stdout/stderr are shown by the Pulumi CLI; stderr keeps stdout free for the port line. */
const hostLogger: GateLogger = {
  info: (m) => process.stderr.write(`fgs-workflow-gate: ${m}\n`),
  warn: (m) => process.stderr.write(`fgs-workflow-gate: warning: ${m}\n`),
};

/** The context of every call the host makes: the provider's stack config, the host's log and environment. */
function hostContext(config: ProviderConfig | undefined) {
  return { config: configSource(config), logger: hostLogger, env: process.env };
}

function validated(id: string, props: Record<string, unknown> | undefined) {
  const inputs = pickInputs({ ...(props ?? {}), executionId: id });
  throwOnFailures(`invalid WorkflowExecution inputs`, validateInputs({ ...(props ?? {}), executionId: id }));
  return inputs;
}

/** Reads and gates on a run; the service by default, canned runs under `fgs-workflow-gate/testing`. */
export type ExecutionSource = (args: GetWorkflowExecutionArgs) => Promise<WorkflowExecution>;

/** `read(id, props)` of the provider: reads (and gates on) the execution and returns the full state. */
export async function readForProvider(
  id: string,
  props: Record<string, unknown> | undefined,
  config?: ProviderConfig,
  source?: ExecutionSource,
): Promise<{ id: string; props: WorkflowExecutionState }> {
  const inputs = validated(id, props);
  const args = toGetArgs(id, inputs);
  const execution = source
    ? await source(args)
    : await getWorkflowExecution(args, hostContext(config));
  return { id, props: toState(inputs, execution) };
}

/** `create(inputs)`: only reached if a resource is registered without `opts.id`; it reads like `read`. */
export async function createForProvider(
  inputs: Record<string, unknown>,
  config?: ProviderConfig,
): Promise<{ id: string; outs: WorkflowExecutionState }> {
  const id = String(inputs.executionId ?? "");
  const { props } = await readForProvider(id, inputs, config);
  return { id, outs: props };
}

/** `check(olds, news)`: the engine skips it for reads, but a registration would go through it. */
export function checkForProvider(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: InputFailure[] } {
  return { inputs: news, failures: validateInputs(news, (v) => v !== UNKNOWN) };
}

/**
 * `diff(id, olds, news)`: never reached for reads by ID (the engine does not diff external resources).
 * For a registered one, only input changes count (outputs such as `status` are not diffs, so there is no
 * noise), `__provider` code changes are ignored, and a different execution or workflow is a replacement.
 */
export function diffForProvider(olds: Record<string, unknown>, news: Record<string, unknown>) {
  const before = pickInputs(olds) as unknown as Record<string, unknown>;
  const after = pickInputs(news) as unknown as Record<string, unknown>;
  const changed = INPUT_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const replaces = changed.filter((k) => k === "workflowId" || k === "executionId");
  return { changes: changed.length > 0, replaces };
}

// ---- LatestWorkflowExecution ------------------------------------------------------------------------

/**
 * `read(id, props)` of the latest-run provider: finds the latest run of the workflow (again, on every
 * read: preview, up and refresh), reads it, gates on it, and returns the state under the same synthetic
 * ID (see latestState.ts for why the run's own ID is an output and never the resource ID).
 */
export async function readLatestForProvider(
  id: string,
  props: Record<string, unknown> | undefined,
  config?: ProviderConfig,
  source?: (args: GetLatestWorkflowExecutionArgs) => Promise<WorkflowExecution>,
): Promise<{ id: string; props: LatestWorkflowExecutionState }> {
  const inputs = latestInputsFor(id, props);
  throwOnFailures(`invalid LatestWorkflowExecution inputs`, validateLatestInputs(inputs as Record<string, unknown>));
  const args = toLatestArgs(inputs);
  const execution = source
    ? await source(args)
    : await getLatestWorkflowExecution(args, hostContext(config));
  return { id: latestIdOf(inputs), props: toLatestState(inputs, execution) };
}

/** `create(inputs)`: only reached if the resource is registered without `opts.id`; it reads like `read`. */
export async function createLatestForProvider(
  inputs: Record<string, unknown>,
  config?: ProviderConfig,
): Promise<{ id: string; outs: LatestWorkflowExecutionState }> {
  const { id, props } = await readLatestForProvider(latestIdOf(latestInputsFor("", inputs)), inputs, config);
  return { id, outs: props };
}

/** `check(olds, news)` of the latest-run provider (skipped by the engine for reads). */
export function checkLatestForProvider(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: InputFailure[] } {
  return { inputs: news, failures: validateLatestInputs(news, (v) => v !== UNKNOWN) };
}

/**
 * `diff(id, olds, news)` of the latest-run provider (never reached for reads). Outputs, including the
 * chosen run and the `workflowId` resolved from a name, are no diff; another workflow is a replacement.
 */
export function diffLatestForProvider(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  const before = latestInputsFor(id, olds) as Record<string, unknown>;
  const after = latestInputsFor("", news) as Record<string, unknown>;
  const changed = LATEST_INPUT_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const replaces = changed.filter((k) => k === "workflowId" || k === "workflowName");
  return { changes: changed.length > 0, replaces };
}

// ---- WorkflowRun ------------------------------------------------------------------------------------

/** `create(inputs)` of the run provider: starts one run and gates on it (see runProvider.ts). */
export function createRunInHost(inputs: Record<string, unknown>, config?: ProviderConfig) {
  return createRunForProvider(inputs, hostContext(config));
}
