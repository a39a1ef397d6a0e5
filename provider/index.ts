/**
 * fgs-workflow-gate: gate Pulumi deployments and CI pipelines on a Huawei Cloud FunctionGraph workflow
 * execution.
 *
 * The Pulumi-specific exports (`getWorkflowExecutionOutput`, the `WorkflowExecution` resource class,
 * `workflowExecutionProvider`) are loaded lazily on first access, so that `require`-ing the package outside
 * a Pulumi program does not load @pulumi/pulumi. As a *value*, `WorkflowExecution` is the dynamic resource
 * class (also exported as `WorkflowExecutionResource`); as a *type*, it is the execution model returned by
 * `getWorkflowExecution`.
 */
import type * as outputModule from "./pulumi/output";
import type * as resourceModule from "./pulumi/resource";
import type * as providerModule from "./pulumi/provider";
import type * as latestResourceModule from "./pulumi/latestResource";

export { getWorkflowExecution } from "./getWorkflowExecution";
export { getLatestWorkflowExecution } from "./latest/getLatestWorkflowExecution";
export { LIST_STATUSES } from "./latest/args";
export type { GetLatestWorkflowExecutionArgs, ListStatus } from "./latest/args";
export { NO_EXECUTION_CODE, NoExecutionFoundError, isNoExecutionFoundError } from "./latest/errors";
export type { ExecutionSearch } from "./latest/errors";
export type {
  ConnectionArgs,
  GateArgs,
  GateMode,
  GetWorkflowExecutionArgs,
  ProgressEvent,
  RequestArgs,
  WaitOptions,
} from "./args";
export type { ConfigSource, CallContext, GateLogger } from "./context";
export type { Credentials } from "./api/signer";
export {
  ConfigurationError,
  ErrorCodes,
  FunctionGraphApiError,
  FunctionGraphGateError,
  ResponseValidationError,
  TransportError,
  isConfigurationError,
  isFunctionGraphApiError,
  isFunctionGraphGateError,
  isResponseValidationError,
  isTransportError,
} from "./errors";
export type { SchemaViolation, TransportErrorKind } from "./errors";
export { GateErrorCodes, WorkflowGateError, isWorkflowGateError } from "./gate/gateError";
export { WAIT_DEFAULTS } from "./gate/options";
export { DEFAULT_MAX_CONCURRENCY } from "./api/limiter";
export { ALL_STATUSES, FINAL_STATUSES, NON_FINAL_STATUSES, isFinalStatus } from "./model/types";
export type {
  ExecutionStatus,
  FinalStatus,
  JsonObject,
  NodeExecution,
  NodeExecutionDetail,
  NonFinalStatus,
  WorkflowUrn,
} from "./model/types";
import type { WorkflowExecution as WorkflowExecutionModel } from "./model/types";
/** A workflow run, validated and mapped (the type returned by `getWorkflowExecution`). */
export type WorkflowExecution = WorkflowExecutionModel;

export declare const getWorkflowExecutionOutput: typeof outputModule.getWorkflowExecutionOutput;
export declare const WorkflowExecution: typeof resourceModule.WorkflowExecutionResource;
export declare const WorkflowExecutionResource: typeof resourceModule.WorkflowExecutionResource;
export type WorkflowExecutionResource = resourceModule.WorkflowExecutionResource;
export type { WorkflowExecutionResourceArgs } from "./pulumi/resource";
export declare const workflowExecutionProvider: typeof providerModule.workflowExecutionProvider;
export declare const getWorkflowExecutionWithPayloadsOutput: typeof outputModule.getWorkflowExecutionWithPayloadsOutput;
export type {
  GetWorkflowExecutionOutputArgs,
  GetWorkflowExecutionOutputOptions,
  WorkflowExecutionOutputs,
} from "./pulumi/output";
export type { ExecutionPayloads, NodeExecutionPayload, NodePayloads } from "./pulumi/payloads";
export type { WorkflowExecutionProvider } from "./pulumi/provider";
export type { WorkflowExecutionInputs, WorkflowExecutionResourceOutputs } from "./pulumi/resourceState";
export { WORKFLOW_EXECUTION_TYPE } from "./pulumi/resourceState";
export declare const getLatestWorkflowExecutionOutput: typeof outputModule.getLatestWorkflowExecutionOutput;
export declare const getLatestWorkflowExecutionWithPayloadsOutput: typeof outputModule.getLatestWorkflowExecutionWithPayloadsOutput;
export declare const LatestWorkflowExecution: typeof latestResourceModule.LatestWorkflowExecution;
export type LatestWorkflowExecution = latestResourceModule.LatestWorkflowExecution;
export type { LatestWorkflowExecutionArgs } from "./pulumi/latestResource";
export declare const latestWorkflowExecutionProvider: typeof providerModule.latestWorkflowExecutionProvider;
export type { GetLatestWorkflowExecutionOutputArgs } from "./pulumi/output";
export type { LatestWorkflowExecutionInputs, LatestWorkflowExecutionOutputs } from "./pulumi/latestState";
export { LATEST_WORKFLOW_EXECUTION_TYPE } from "./pulumi/latestState";

function lazy(name: string, load: () => unknown): void {
  Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: load });
}
lazy("getWorkflowExecutionOutput", () => (require("./pulumi/output") as typeof outputModule).getWorkflowExecutionOutput);
lazy("WorkflowExecution", () => (require("./pulumi/resource") as typeof resourceModule).WorkflowExecutionResource);
lazy("WorkflowExecutionResource", () => (require("./pulumi/resource") as typeof resourceModule).WorkflowExecutionResource);
lazy("getWorkflowExecutionWithPayloadsOutput", () => (require("./pulumi/output") as typeof outputModule).getWorkflowExecutionWithPayloadsOutput);
lazy("workflowExecutionProvider", () => (require("./pulumi/provider") as typeof providerModule).workflowExecutionProvider);
lazy("getLatestWorkflowExecutionOutput", () => (require("./pulumi/output") as typeof outputModule).getLatestWorkflowExecutionOutput);
lazy(
  "getLatestWorkflowExecutionWithPayloadsOutput",
  () => (require("./pulumi/output") as typeof outputModule).getLatestWorkflowExecutionWithPayloadsOutput,
);
lazy("LatestWorkflowExecution", () => (require("./pulumi/latestResource") as typeof latestResourceModule).LatestWorkflowExecution);
lazy("latestWorkflowExecutionProvider", () => (require("./pulumi/provider") as typeof providerModule).latestWorkflowExecutionProvider);
