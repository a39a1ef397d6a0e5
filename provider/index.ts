/**
 * fgs-workflow-gate: gate deployments and CI pipelines on a Huawei Cloud FunctionGraph workflow execution.
 *
 * This entry point is the plain-Node API: it never loads @pulumi/pulumi, and its type declarations do not
 * mention it, so it compiles without Pulumi installed. The Pulumi layer (the Output functions and the
 * dynamic resources) is the `fgs-workflow-gate/pulumi` entry point. Every export is a static named
 * export, so ESM programs can import each one by name.
 */
import type { GetLatestWorkflowExecutionResult, GetWorkflowExecutionArgs, GetWorkflowExecutionResult } from "./args";
import { getWorkflowExecution as readExecution } from "./getWorkflowExecution";
import type { GetLatestWorkflowExecutionArgs } from "./latest/args";
import { getLatestWorkflowExecution as readLatestExecution } from "./latest/getLatestWorkflowExecution";
import type { RunWorkflowArgs, StartedWorkflowExecution, StartWorkflowExecutionArgs } from "./run/args";
import { runWorkflow as startAndGate, startWorkflowExecution as startExecution } from "./run";

/**
 * Reads a workflow execution by ID and applies the gate options (`requireStatus`, `waitForCompletion`,
 * `notBefore`, `maxAgeSeconds`, `mode`).
 *
 * @throws ConfigurationError before any request for a missing or malformed setting, ID or option.
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when the read fails.
 * @throws WorkflowGateError (mode `enforce`) when the run does not pass the gate.
 */
export function getWorkflowExecution(args: GetWorkflowExecutionArgs): Promise<GetWorkflowExecutionResult> {
  return readExecution(args);
}

/**
 * Finds the run of a workflow (by `workflowId` or exact `workflowName`) that began last in the
 * `since`/`until` window, reads it in full and applies the same gate options as `getWorkflowExecution`.
 *
 * @throws ConfigurationError for a bad setting or option, or an unknown or ambiguous workflow name.
 * @throws NoExecutionFoundError when no run began in the window.
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when a request fails.
 * @throws WorkflowGateError (mode `enforce`) when the chosen run does not pass the gate.
 */
export function getLatestWorkflowExecution(args: GetLatestWorkflowExecutionArgs): Promise<GetLatestWorkflowExecutionResult> {
  return readLatestExecution(args);
}

/**
 * Starts a run of a workflow (by `workflowId` or exact `workflowName`) with the given `input`. A start is
 * sent again only when it provably never reached the service.
 *
 * @throws ConfigurationError for a bad setting, ID or input (over 1 MiB, not a JSON object).
 * @throws FunctionGraphApiError, TransportError, ResponseValidationError when the start fails; the
 *   message says when a run may have started anyway.
 */
export function startWorkflowExecution(args: StartWorkflowExecutionArgs): Promise<StartedWorkflowExecution> {
  return startExecution(args);
}

/**
 * Starts a run, then waits and gates on it with every option of `getWorkflowExecution` (`sync: true`
 * runs an express workflow through the synchronous API and gates on its answer). With `stopOnGiveUp`
 * (default), a run this call started is terminated when the wait times out or is cancelled.
 *
 * @throws as `startWorkflowExecution`, then as `getWorkflowExecution`.
 */
export function runWorkflow(args: RunWorkflowArgs): Promise<GetWorkflowExecutionResult> {
  return startAndGate(args);
}

export type { RunWorkflowArgs, StartedWorkflowExecution, StartWorkflowExecutionArgs } from "./run/args";
export type {
  ConnectionArgs,
  GateArgs,
  GateMode,
  GetLatestWorkflowExecutionResult,
  GetWorkflowExecutionArgs,
  GetWorkflowExecutionResult,
  ProgressEvent,
  RequestArgs,
  WaitOptions,
} from "./args";
export type { Credentials } from "./api/signer";
export type { GetLatestWorkflowExecutionArgs, ListStatus } from "./latest/args";
export type { ExecutionStatus, JsonObject, NodeExecution, NodeExecutionDetail, WorkflowUrn } from "./model/types";

export {
  ConfigurationError,
  FunctionGraphApiError,
  ResponseValidationError,
  TransportError,
  isConfigurationError,
  isFunctionGraphApiError,
  isResponseValidationError,
  isTransportError,
} from "./errors";
export type { SchemaViolation, TransportErrorKind } from "./errors";
export { WorkflowGateError, isWorkflowGateError } from "./gate/gateError";
export type { GateErrorCode } from "./gate/gateError";
export type { Condition, ConditionFailure, ConditionResult, ConditionSource, Outcome, RequireNodes } from "./conditionArgs";
export { NoExecutionFoundError, isNoExecutionFoundError } from "./latest/errors";
export type { ExecutionSearch } from "./latest/errors";
export { DEFAULT_MAX_CONCURRENCY } from "./api/limiter";
