/**
 * The local FunctionGraph workflow emulator: a real HTTP server on 127.0.0.1 that verifies SDK-HMAC-SHA256
 * signatures like the gateway and serves scripted workflow executions, lists, IAM projects, run starts,
 * terminations and faults. See README.md in this folder.
 */
export type { EmulatorCredential } from "./auth";
export { ScenarioError } from "./check";
export { defaultScenario, withExecutions } from "./compose";
export { SCENARIO_IDS } from "./ids";
export { makeLargeExecution } from "./large";
export type { LargeExecutionOptions } from "./large";
export { DEFAULT_SCENARIO_PATH, loadScenario } from "./load";
export { DEMO_CREDENTIALS, EMULATOR_DEFAULTS } from "./options";
export type { EmulatorOptions, RecordedRequest, RunningEmulator } from "./options";
export { ROUTES } from "./routes";
export type { RouteName } from "./routes";
export type { StartedRun } from "./run-types";
export { EMULATOR_STATUSES, FINAL_STATUSES } from "./scenario";
export type {
  EmulatorStatus,
  FaultAttempts,
  FaultKind,
  LargeExecutionSpec,
  Scenario,
  ScenarioExecution,
  ScenarioFault,
  ScenarioIamProject,
  ScenarioNode,
  ScenarioNodeExecution,
  ScenarioRunTemplate,
  ScenarioStage,
  ScenarioWorkflow,
  TimeSpec,
} from "./scenario";
export { isMainlandRegion, startEmulator } from "./server";
export { DEFAULT_TEMPLATE, START_REFUSED } from "./start";
export type { SyncExecutionBody, SyncNodeError } from "./sync-outcome";
export type { ExecutionBody, NodeExecutionBody, NodeExecutionDetailBody } from "./bodies";
export type { ThrottleOptions } from "./throttle";
