/**
 * Validation of the dynamic resource's inputs. The engine skips `check` for resources read by ID, so the
 * resource constructor runs this on every input that is already known (the error then points at the
 * user's line), and the provider's `read` runs it again on the values the engine sends (which covers
 * inputs that were still `Output`s at construction time).
 *
 * The rules are the core's own checks (IDs, region, project, endpoint, gate options), so the resource can
 * never accept what `getWorkflowExecution` would reject. Their messages name the setting, never its value.
 */
import { isConfigurationError } from "../api/errors";
import { checkEndpoint } from "../config/endpoint";
import { checkExecutionId, checkWorkflowId } from "../config/ids";
import { checkProjectId, checkRegion } from "../config/settings";
import { normalizeGate } from "../gate/options";

/** One rejected input, shaped like Pulumi's `CheckFailure`. */
export interface InputFailure {
  property: string;
  reason: string;
}

/** Property names that would put a credential into state: rejected outright. */
export const FORBIDDEN_INPUTS = ["credentials", "accessKey", "secretKey", "securityToken"] as const;

const GATE_KEYS = ["waitForCompletion", "requireStatus", "notBefore", "maxAgeSeconds", "mode"] as const;

function positive(name: string) {
  return (v: unknown) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  };
}

const boolean = (name: string) => (v: unknown) => {
  if (typeof v !== "boolean") throw new Error(`${name} must be a boolean`);
};

/** Each check throws (usually a ConfigurationError) when its value is rejected. */
const CHECKS: Record<string, (value: unknown) => void> = {
  workflowId: checkWorkflowId,
  executionId: checkExecutionId,
  projectId: (v) => checkProjectId(v, "the projectId input"),
  region: (v) => checkRegion(v, "the region input"),
  endpoint: (v) => checkEndpoint(v, "endpoint"),
  iamEndpoint: (v) => checkEndpoint(v, "iamEndpoint"),
  fullHistory: boolean("fullHistory"),
  exposePayloads: boolean("exposePayloads"),
  requestTimeoutSeconds: positive("requestTimeoutSeconds"),
  deadlineSeconds: positive("deadlineSeconds"),
  maxRetries: (v) => {
    if (!Number.isInteger(v) || (v as number) < 0) throw new Error("maxRetries must be a whole number, at least 0");
  },
};

function failureOf(property: string, e: unknown): InputFailure {
  const setting = isConfigurationError(e) && e.setting ? e.setting : property;
  return { property: setting, reason: e instanceof Error ? e.message : String(e) };
}

/**
 * Checks the inputs and returns every failure. `isKnown` tells whether a value can be checked now (the
 * resource skips `Output`s and promises; `check` skips the engine's unknown sentinel). The two IDs are
 * required; other `undefined` values are skipped.
 */
export function validateInputs(
  inputs: Record<string, unknown>,
  isKnown: (value: unknown) => boolean = () => true,
): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const key of FORBIDDEN_INPUTS) {
    if (inputs[key] === undefined) continue;
    failures.push({
      property: key,
      reason:
        `${key} is not an input: credentials would be stored in state. Set huaweicloud:accessKey and ` +
        "huaweicloud:secretKey as stack config secrets, or HW_ACCESS_KEY and HW_SECRET_KEY in the environment",
    });
  }
  for (const [key, check] of Object.entries(CHECKS)) {
    const value = inputs[key];
    if (value === undefined || value === null) {
      if (key === "workflowId" || key === "executionId") failures.push({ property: key, reason: `${key} is required` });
    } else if (isKnown(value)) {
      try {
        check(value);
      } catch (e) {
        failures.push(failureOf(key, e));
      }
    }
  }
  const gate: Record<string, unknown> = {};
  for (const key of GATE_KEYS) if (inputs[key] !== undefined && inputs[key] !== null && isKnown(inputs[key])) gate[key] = inputs[key];
  try {
    normalizeGate(gate);
  } catch (e) {
    failures.push(failureOf("gate", e));
  }
  return failures;
}

/** All failures as one sentence list, for an error message. */
export function describeFailures(failures: InputFailure[]): string {
  return failures.map((f) => f.reason).join("; ");
}
