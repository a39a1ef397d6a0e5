/**
 * The package's public surface, entry point by entry point: what a consumer can import. A change here is
 * a change of the public API and belongs in CHANGELOG.md.
 */

/** `fgs-workflow-gate`: runtime values (also types where they are classes). */
export const ROOT_VALUES = [
  "ConfigurationError",
  "DEFAULT_MAX_CONCURRENCY",
  "FunctionGraphApiError",
  "NoExecutionFoundError",
  "ResponseValidationError",
  "TransportError",
  "WorkflowGateError",
  "getLatestWorkflowExecution",
  "getWorkflowExecution",
  "isConfigurationError",
  "isFunctionGraphApiError",
  "isNoExecutionFoundError",
  "isResponseValidationError",
  "isTransportError",
  "isWorkflowGateError",
  "runWorkflow",
  "startWorkflowExecution",
];

/** `fgs-workflow-gate`: names that exist only as types. */
export const ROOT_TYPES = [
  "Condition",
  "ConditionFailure",
  "ConditionResult",
  "ConditionSource",
  "ConnectionArgs",
  "Credentials",
  "ExecutionSearch",
  "ExecutionStatus",
  "GateArgs",
  "GateErrorCode",
  "GateMode",
  "GetLatestWorkflowExecutionArgs",
  "GetLatestWorkflowExecutionResult",
  "GetWorkflowExecutionArgs",
  "GetWorkflowExecutionResult",
  "JsonObject",
  "ListStatus",
  "NodeExecution",
  "NodeExecutionDetail",
  "Outcome",
  "ProgressEvent",
  "RequestArgs",
  "RequireNodes",
  "RunWorkflowArgs",
  "SchemaViolation",
  "StartWorkflowExecutionArgs",
  "StartedWorkflowExecution",
  "TransportErrorKind",
  "WaitOptions",
  "WorkflowUrn",
];

/** `fgs-workflow-gate/pulumi`: runtime values. `WorkflowExecution` and `WorkflowExecutionResource` are one class. */
export const PULUMI_VALUES = [
  "LatestWorkflowExecution",
  "WorkflowExecution",
  "WorkflowExecutionResource",
  "WorkflowRun",
  "getLatestWorkflowExecutionOutput",
  "getLatestWorkflowExecutionWithPayloadsOutput",
  "getWorkflowExecutionOutput",
  "getWorkflowExecutionWithPayloadsOutput",
];

/** `fgs-workflow-gate/pulumi`: names that exist only as types. */
export const PULUMI_TYPES = [
  "ExecutionPayloads",
  "GetLatestWorkflowExecutionOutputArgs",
  "GetWorkflowExecutionOutputArgs",
  "GetWorkflowExecutionOutputOptions",
  "LatestWorkflowExecutionArgs",
  "NodeExecutionPayload",
  "NodePayloads",
  "WorkflowExecutionOutputs",
  "WorkflowExecutionResourceArgs",
  "WorkflowRunArgs",
];

/** `fgs-workflow-gate/testing`: runtime values (unit tests of Pulumi stacks). */
export const TESTING_VALUES = ["cannedExecution", "cannedExecutionBody", "mockWorkflowGates", "outputValue"];

/** `fgs-workflow-gate/testing`: names that exist only as types. */
export const TESTING_TYPES = [
  "CannedExecutionArgs",
  "CannedNode",
  "CannedRun",
  "CannedRuns",
  "GateMockRequest",
  "WorkflowGateMockOptions",
  "WorkflowGateMocks",
];
