/**
 * Translates a validated command line into the library's arguments. This is the only bridge between the
 * two: reading, finding the latest run, waiting and the gate decision all stay in the library
 * (`getWorkflowExecution` for a run given by ID, `getLatestWorkflowExecution` for the latest run).
 */
import type { ConnectionArgs, GateArgs, GetWorkflowExecutionArgs, ProgressEvent, RequestArgs } from "../args";
import { WAIT_DEFAULTS } from "../gate/options";
import type { GetLatestWorkflowExecutionArgs, ListStatus } from "../latest/args";
import type { ExecutionStatus } from "../model/types";
import type { RunWorkflowArgs } from "../run/args";
import type { CliOptions } from "./args";
import { GATING_COMMANDS } from "./commands";

/** Which library function to call, with its arguments. */
export type LibraryCall =
  | { kind: "execution"; args: GetWorkflowExecutionArgs }
  | { kind: "latest"; args: GetLatestWorkflowExecutionArgs }
  | { kind: "start"; args: RunWorkflowArgs };

/** Connection and request options, shared by every command. */
function connection(options: CliOptions, signal: AbortSignal | undefined): ConnectionArgs & RequestArgs {
  return {
    projectId: options.projectId,
    region: options.region,
    endpoint: options.endpoint,
    requestTimeoutSeconds: options.requestTimeoutSeconds,
    deadlineSeconds: options.deadlineSeconds,
    maxRetries: options.maxRetries,
    signal,
  };
}

/** The gate of `wait` and `run` (mode `enforce`); `get` and `latest` only read, so they pass no gate options. */
function gate(options: CliOptions, onProgress: ((event: ProgressEvent) => void) | undefined): GateArgs {
  if (!GATING_COMMANDS.includes(options.command)) return {};
  const interval = options.intervalSeconds;
  // `--interval 60` alone should just work, not trip over the default maximum of 30 s.
  const maxInterval =
    options.maxIntervalSeconds ??
    (interval !== undefined && interval > WAIT_DEFAULTS.maxIntervalSeconds ? interval : undefined);
  return {
    waitForCompletion: {
      timeoutSeconds: options.timeoutSeconds,
      minIntervalSeconds: interval,
      maxIntervalSeconds: maxInterval,
    },
    // Unknown names are rejected by the library's own check (a ConfigurationError naming them).
    requireStatus: options.require as ExecutionStatus[],
    notBefore: options.notBefore,
    maxAgeSeconds: options.maxAgeSeconds,
    ...given({ requireNodes: options.requireNodes, conditions: options.conditions }),
    exposePayloads: options.exposePayloads,
    mode: "enforce",
    onProgress,
  };
}

/** Only the keys that were given: the library tells "not given" from "given" by `undefined`. */
function given<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The library call for `options`: by execution ID (`get`, `wait`) or the latest run (`latest`, `wait --latest`). */
export function toLibraryCall(
  options: CliOptions,
  onProgress: ((event: ProgressEvent) => void) | undefined,
  signal: AbortSignal | undefined,
  onStarted?: RunWorkflowArgs["onStarted"],
): LibraryCall {
  // Conditions need complete outputs: the library turns full history on for them unless it is given.
  const common = { ...connection(options, signal), ...(options.fullHistory ? { fullHistory: true } : {}), ...gate(options, onProgress) };
  if (options.selection === "start") {
    const start = given({ workflowId: options.workflowId, workflowName: options.workflowName, headers: options.headers });
    return {
      kind: "start",
      args: { ...common, ...start, input: options.input ?? {}, sync: options.sync, stopOnGiveUp: options.stopOnGiveUp, onStarted },
    };
  }
  if (options.selection === "latest") {
    const lookup = given({
      workflowId: options.workflowId,
      workflowName: options.workflowName,
      // Unknown statuses and malformed times are rejected by the library's own checks, before any request.
      status: options.status as ListStatus | undefined,
      since: options.since,
      until: options.until,
    });
    return { kind: "latest", args: { ...common, ...lookup } };
  }
  return {
    kind: "execution",
    args: { ...common, workflowId: options.workflowId as string, executionId: options.executionId as string },
  };
}
