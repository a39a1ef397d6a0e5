/**
 * `getWorkflowExecution`: read one FunctionGraph workflow execution by ID, validated and typed, and
 * optionally gate on it (wait for a final status, require a status, check freshness).
 */
import { ConfigurationError } from "./errors";
import { readExecution } from "./api/executions";
import { makeScrubber } from "./api/redact";
import { scrubbingErrors } from "./api/scrubError";
import type { GetWorkflowExecutionArgs } from "./args";
import { checkExecutionId, checkWorkflowId } from "./config/ids";
import { isPlainRead, runGate } from "./gate/run";
import type { WorkflowExecution } from "./model/types";
import { gateRun, type InternalContext, type PreparedCall, prepareCall, projectIdOf } from "./prepare";
import { limitPolicy, type ReadLimits } from "./gate/bounds";
import { fullHistoryOf } from "./gate/options";
import type { ExecutionRead } from "./gate/wait";

export type { InternalContext } from "./prepare";

/**
 * Reads a workflow execution and applies the gate options.
 *
 * @throws ConfigurationError before any request for a missing/malformed setting, ID or option.
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when the read fails.
 * @throws WorkflowGateError (mode `enforce`) when the run does not pass the gate.
 */
export function getWorkflowExecution(args: GetWorkflowExecutionArgs, context: InternalContext = {}): Promise<WorkflowExecution> {
  // Not an async function, to spare a promise layer per read; a bad argument still rejects, never throws.
  try {
    return readAndGate(args, context);
  } catch (e) {
    return Promise.reject(e);
  }
}

function readAndGate(args: GetWorkflowExecutionArgs, context: InternalContext): Promise<WorkflowExecution> {
  if (typeof args !== "object" || args === null) {
    throw new ConfigurationError("getWorkflowExecution needs an arguments object with workflowId and executionId");
  }
  const workflowId = checkWorkflowId(args.workflowId);
  const executionId = checkExecutionId(args.executionId);
  if (args.fullHistory !== undefined && typeof args.fullHistory !== "boolean") {
    throw new ConfigurationError("fullHistory must be a boolean", "fullHistory");
  }
  const call = prepareCall(args, context);
  const read = executionReader(call, { workflowId, executionId, fullHistory: args.fullHistory });
  const scrub = makeScrubber(call.settings.credentials);
  if (isPlainRead(call.gate, args.onProgress)) return scrubbingErrors(read(), scrub);
  return scrubbingErrors(runGate(read, gateRun(call, args, context)), scrub);
}

/**
 * Reads of one run under a prepared call. The project ID is discovered on the first read when it is not
 * configured, then kept. Under a wait each read gets the wait's limits (signal, time left), so a read in
 * flight is cut when the wait ends.
 */
export function executionReader(
  call: PreparedCall,
  ids: { workflowId: string; executionId: string; fullHistory?: boolean },
): ExecutionRead {
  const { settings, policy } = call;
  const ref = { ...ids, fullHistory: fullHistoryOf(ids.fullHistory, call.gate) };
  let projectId = settings.projectId;
  return async (limits?: ReadLimits) => {
    const bounded = limitPolicy(policy, limits);
    projectId ??= await projectIdOf({ ...call, policy: bounded });
    return readExecution({ endpoint: settings.endpoint, projectId, ...ref }, settings.credentials, bounded);
  };
}
