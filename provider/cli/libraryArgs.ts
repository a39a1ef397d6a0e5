/**
 * Translates a validated command line into the library's `GetWorkflowExecutionArgs`. This is the only
 * bridge between the two: reading, waiting and the gate decision all stay in `getWorkflowExecution`.
 */
import type { GetWorkflowExecutionArgs, ProgressEvent } from "../args";
import { WAIT_DEFAULTS } from "../gate/options";
import type { ExecutionStatus } from "../model/types";
import type { CliOptions } from "./args";

/** The library's arguments for `options`; `wait` adds the gate (mode `enforce`). */
export function toLibraryArgs(
  options: CliOptions,
  onProgress: ((event: ProgressEvent) => void) | undefined,
  signal: AbortSignal | undefined,
): GetWorkflowExecutionArgs {
  const args: GetWorkflowExecutionArgs = {
    workflowId: options.workflowId,
    executionId: options.executionId,
    projectId: options.projectId,
    region: options.region,
    endpoint: options.endpoint,
    fullHistory: options.fullHistory,
    requestTimeoutSeconds: options.requestTimeoutSeconds,
    deadlineSeconds: options.deadlineSeconds,
    maxRetries: options.maxRetries,
    signal,
  };
  if (options.command === "get") return args;
  const interval = options.intervalSeconds;
  // `--interval 60` alone should just work, not trip over the default maximum of 30 s.
  const maxInterval =
    options.maxIntervalSeconds ??
    (interval !== undefined && interval > WAIT_DEFAULTS.maxIntervalSeconds ? interval : undefined);
  return {
    ...args,
    waitForCompletion: {
      timeoutSeconds: options.timeoutSeconds,
      minIntervalSeconds: interval,
      maxIntervalSeconds: maxInterval,
    },
    // Unknown names are rejected by the library's own check (a ConfigurationError naming them).
    requireStatus: options.require as ExecutionStatus[],
    notBefore: options.notBefore,
    maxAgeSeconds: options.maxAgeSeconds,
    mode: "enforce",
    onProgress,
  };
}
