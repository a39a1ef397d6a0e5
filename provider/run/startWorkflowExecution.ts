/**
 * `startWorkflowExecution`: start one run of a workflow and return its execution ID, without waiting.
 */
import { makeScrubber } from "../api/redact";
import { scrubbingErrors } from "../api/scrubError";
import { startExecution } from "../api/starts";
import { type InternalContext, prepareCall } from "../prepare";
import type { StartedWorkflowExecution, StartWorkflowExecutionArgs } from "./args";
import { checkStart, startTarget } from "./start";

/**
 * Starts a run. The start is sent again only when it provably never reached the service (connection
 * refused, unknown host, a throttling answer); after a timeout, a reset or a 5xx the error says that a
 * run may have started and how to find it.
 *
 * @throws ConfigurationError before any request for a missing or malformed setting or argument.
 * @throws FunctionGraphApiError (with the service's code and message, e.g. in a region without the API),
 *   TransportError, ResponseValidationError when the start fails.
 */
export async function startWorkflowExecution(args: StartWorkflowExecutionArgs, context: InternalContext = {}): Promise<StartedWorkflowExecution> {
  const start = checkStart(args, "startWorkflowExecution");
  const call = prepareCall(args, context);
  return scrubbingErrors(
    (async () => {
      const target = await startTarget(call, start);
      const executionId = await startExecution(target, start.body, call.settings.credentials, call.policy, new Date());
      return { executionId, workflowId: target.workflowId };
    })(),
    makeScrubber(call.settings.credentials),
  );
}
