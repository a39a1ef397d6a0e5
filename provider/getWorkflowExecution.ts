/**
 * `getWorkflowExecution`: read one FunctionGraph workflow execution by ID, validated and typed, and
 * optionally gate on it (wait for a final status, require a status, check freshness).
 */
import { readExecution } from "./api/executions";
import { requestPolicy } from "./api/policy";
import { discoverProjectId } from "./api/projects";
import type { GetWorkflowExecutionArgs } from "./args";
import { checkExecutionId, checkWorkflowId } from "./config/ids";
import { ambientConfig, ambientLogger, insidePulumiProgram } from "./config/pulumiContext";
import { resolveSettings } from "./config/settings";
import { ConfigurationError } from "./api/errors";
import type { CallContext } from "./context";
import { normalizeGate } from "./gate/options";
import { runGate } from "./gate/run";
import type { WorkflowExecution } from "./model/types";
import type { RequestPolicy } from "./api/client";

/** Internal knobs for tests and the CLI (clock, randomness, transport); not part of the public contract. */
export interface InternalContext extends CallContext {
  policy?: Partial<RequestPolicy>;
  random?: () => number;
  now?: () => number;
  debug?: (line: string) => void;
}

/**
 * Reads a workflow execution and applies the gate options.
 *
 * @throws ConfigurationError before any request for a missing/malformed setting, ID or option.
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when the read fails.
 * @throws WorkflowGateError (mode `enforce`) when the run does not pass the gate.
 */
export async function getWorkflowExecution(
  args: GetWorkflowExecutionArgs,
  context: InternalContext = {},
): Promise<WorkflowExecution> {
  if (typeof args !== "object" || args === null) {
    throw new ConfigurationError("getWorkflowExecution needs an arguments object with workflowId and executionId");
  }
  const workflowId = checkWorkflowId(args.workflowId);
  const executionId = checkExecutionId(args.executionId);
  if (args.fullHistory !== undefined && typeof args.fullHistory !== "boolean") {
    throw new ConfigurationError("fullHistory must be a boolean", "fullHistory");
  }
  const gate = normalizeGate(args);
  const policy = requestPolicy(args, { ...context.policy, debug: context.debug ?? context.policy?.debug });
  const env = context.env ?? process.env;
  const config = context.config ?? ambientConfig(env);
  const settings = resolveSettings(args, config, env);
  const inPulumi = context.logger === undefined && insidePulumiProgram(env);
  const logger = context.logger ?? (inPulumi ? ambientLogger() : undefined);

  let projectId = settings.projectId;
  const read = async () => {
    projectId ??= await discoverProjectId(settings.iamEndpoint, settings.region as string, settings.credentials, policy);
    return readExecution(
      { endpoint: settings.endpoint, projectId, workflowId, executionId, fullHistory: args.fullHistory },
      settings.credentials,
      policy,
    );
  };
  return runGate(read, {
    policy: gate,
    onProgress: args.onProgress,
    logger,
    warn: (m) => ambientLogger().warn(m),
    signal: args.signal,
    random: context.random,
    now: context.now,
  });
}
