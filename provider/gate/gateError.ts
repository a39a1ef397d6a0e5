/**
 * The gate's verdict when a run does not pass. Carries the execution so callers can inspect it; the
 * message names the workflow, the execution, the status and every failed node with its error.
 */
import { errorCodeOf, FunctionGraphGateError } from "../errors";
import type { ConditionResult } from "../conditionArgs";
import type { WorkflowExecution } from "../model/types";

export const GateErrorCodes = {
  /** The run ended in a status outside `requireStatus`. */
  rejected: "FGS_GATE_REJECTED",
  /** The run was not final when the gate decided (wait timed out, or no wait was requested). */
  timeout: "FGS_GATE_TIMEOUT",
  /** The run began before `notBefore`, is older than `maxAgeSeconds`, or has no begin time to check. */
  stale: "FGS_GATE_STALE",
  /** A condition could not be decided (its onFalse or onMissing says "inconclusive"): never a pass. */
  inconclusive: "FGS_GATE_INCONCLUSIVE",
} as const;

export type GateErrorCode = (typeof GateErrorCodes)[keyof typeof GateErrorCodes];

export class WorkflowGateError extends FunctionGraphGateError {
  readonly code: GateErrorCode;
  readonly execution: WorkflowExecution;
  /** How each required node and condition came out, when the gate judged any (no payload values). */
  readonly results?: ConditionResult[];
  constructor(code: GateErrorCode, message: string, execution: WorkflowExecution, results?: ConditionResult[]) {
    super(message);
    this.code = code;
    this.execution = execution;
    if (results !== undefined) this.results = results;
  }
}

const GATE_CODES: ReadonlySet<string> = new Set(Object.values(GateErrorCodes));

export function isWorkflowGateError(e: unknown): e is WorkflowGateError {
  const code = errorCodeOf(e);
  return typeof code === "string" && GATE_CODES.has(code);
}
