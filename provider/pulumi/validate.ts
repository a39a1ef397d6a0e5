/**
 * Validation of the dynamic resource's inputs. The engine skips `check` for resources read by ID, so the
 * resource constructor runs this on every input that is already known (the error then points at the
 * user's line), and the provider's `read` runs it again on the values the engine sends (which covers
 * inputs that were still `Output`s at construction time).
 *
 * The rules are the core's own checks (IDs, region, project, endpoint, gate options, and for
 * `LatestWorkflowExecution` the lookup rules of `getLatestWorkflowExecution`), so a resource can never
 * accept what the function behind it would reject. Their messages name the setting, never its value.
 */
import { workflowChoiceProblem } from "../latest/workflowChoice";
import { requestPolicy } from "../config/policy";
import { ConfigurationError, isConfigurationError } from "../errors";
import { CREDENTIAL_CONFIG_KEYS, CREDENTIAL_ENV_SOURCES, type CredentialSource } from "../config/credentialNames";
import { checkEndpoint } from "../config/endpoint";
import { checkExecutionId, checkWorkflowId } from "../config/ids";
import { checkProjectId, checkRegion } from "../config/settings";
import { normalizeGate } from "../gate/options";
import { LIST_STATUSES } from "../latest/args";
import { normalizeLatestQuery } from "../latest/options";

/** One rejected input, shaped like Pulumi's `CheckFailure`. */
export interface InputFailure {
  property: string;
  reason: string;
}

/** The first environment source, which the message suggests. */
const FIRST_ENV = CREDENTIAL_ENV_SOURCES[0] as CredentialSource;

/** Property names that would put a credential into state: rejected outright. */
export const FORBIDDEN_INPUTS = ["credentials", "accessKey", "secretKey", "securityToken"] as const;

const GATE_KEYS = ["waitForCompletion", "requireStatus", "notBefore", "maxAgeSeconds", "mode", "requireNodes", "conditions", "exposePayloads"] as const;

export const boolean = (name: string) => (v: unknown) => {
  if (typeof v !== "boolean") throw new Error(`${name} must be a boolean`);
};

/** Checks shared by both resources: where, how to connect, request options, payload opt-out. */
export const COMMON_CHECKS: Record<string, (value: unknown) => void> = {
  projectId: (v) => checkProjectId(v, "the projectId input"),
  region: (v) => checkRegion(v, "the region input"),
  endpoint: (v) => checkEndpoint(v, "endpoint"),
  iamEndpoint: (v) => checkEndpoint(v, "iamEndpoint"),
  fullHistory: boolean("fullHistory"),
  exposePayloads: boolean("exposePayloads"),
  // The request options are checked by the very function the read uses, so the two cannot disagree.
  requestTimeoutSeconds: (v) => requestPolicy({ requestTimeoutSeconds: v as number }),
  deadlineSeconds: (v) => requestPolicy({ deadlineSeconds: v as number }),
  maxRetries: (v) => requestPolicy({ maxRetries: v as number }),
};

/** Each check throws (usually a ConfigurationError) when its value is rejected. */
const CHECKS: Record<string, (value: unknown) => void> = {
  workflowId: checkWorkflowId,
  executionId: checkExecutionId,
  ...COMMON_CHECKS,
};

export function failureOf(property: string, e: unknown): InputFailure {
  const setting = isConfigurationError(e) && e.setting ? e.setting : property;
  return { property: setting, reason: e instanceof Error ? e.message : String(e) };
}

export function forbidden(inputs: Record<string, unknown>): InputFailure[] {
  return FORBIDDEN_INPUTS.filter((key) => inputs[key] !== undefined).map((key) => ({
    property: key,
    reason:
      `${key} is not an input: credentials would be stored in state. Set ${CREDENTIAL_CONFIG_KEYS.accessKey} and ` +
      `${CREDENTIAL_CONFIG_KEYS.secretKey} as stack config secrets, or ${FIRST_ENV.accessKey} and ${FIRST_ENV.secretKey} in the environment`,
  }));
}

export const absent = (v: unknown) => v === undefined || v === null;

/** Runs every check whose value is present and known; `required` keys must be present. */
export function runChecks(
  inputs: Record<string, unknown>,
  checks: Record<string, (value: unknown) => void>,
  isKnown: (value: unknown) => boolean,
  required: readonly string[],
): InputFailure[] {
  const failures: InputFailure[] = [];
  for (const [key, check] of Object.entries(checks)) {
    const value = inputs[key];
    if (absent(value)) {
      if (required.includes(key)) failures.push({ property: key, reason: `${key} is required` });
    } else if (isKnown(value)) {
      try {
        check(value);
      } catch (e) {
        failures.push(failureOf(key, e));
      }
    }
  }
  return failures;
}

/** `exposePayloads` decides `additionalSecretOutputs` at construction: it must be a plain boolean now. */
export function exposureFailures(inputs: Record<string, unknown>): InputFailure[] {
  const v = inputs.exposePayloads;
  if (v === undefined || typeof v === "boolean") return [];
  return [{ property: "exposePayloads", reason: "exposePayloads must be a plain boolean (not an Output): it decides at construction which outputs are secret" }];
}

export function gateFailures(inputs: Record<string, unknown>, isKnown: (value: unknown) => boolean): InputFailure[] {
  const gate: Record<string, unknown> = {};
  for (const key of GATE_KEYS) if (!absent(inputs[key]) && isKnown(inputs[key])) gate[key] = inputs[key];
  try {
    normalizeGate(gate);
    return [];
  } catch (e) {
    return [failureOf("gate", e)];
  }
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
  return [
    ...forbidden(inputs),
    ...exposureFailures(inputs),
    ...runChecks(inputs, CHECKS, isKnown, ["workflowId", "executionId"]),
    ...gateFailures(inputs, isKnown),
  ];
}

// The lookup rules are getLatestWorkflowExecution's own (`normalizeLatestQuery`), applied to one setting
// at a time: the other settings are filled with values that always pass, so only the one checked can fail.
const ANY_WORKFLOW = { workflowId: "w" };
const EARLIEST = "1970-01-01T00:00:00Z";
const LATEST = "9999-12-31T23:59:59Z";
const lookup = (args: Record<string, unknown>) => normalizeLatestQuery(args, Date.now());

/** Checks of the `LatestWorkflowExecution` inputs that the read-by-ID resource does not have. */
const LATEST_CHECKS: Record<string, (value: unknown) => void> = {
  workflowId: checkWorkflowId,
  workflowName: (v) => lookup({ workflowName: v }),
  statusFilter: (v) => {
    if (!(LIST_STATUSES as readonly unknown[]).includes(v)) {
      throw new ConfigurationError(
        `statusFilter ${JSON.stringify(v)} is not one the list API filters on (${LIST_STATUSES.join(", ")})`,
        "statusFilter",
      );
    }
  },
  since: (v) => lookup({ ...ANY_WORKFLOW, since: v, until: LATEST }),
  until: (v) => lookup({ ...ANY_WORKFLOW, since: EARLIEST, until: v }),
  ...COMMON_CHECKS,
};

/**
 * Checks the inputs of `LatestWorkflowExecution` and returns every failure: exactly one of `workflowId`
 * and `workflowName` (decided only when both are known), the list filter and time window, and the same
 * connection, request and gate checks as `validateInputs`.
 */
export function validateLatestInputs(
  inputs: Record<string, unknown>,
  isKnown: (value: unknown) => boolean = () => true,
): InputFailure[] {
  const failures = [...forbidden(inputs), ...exposureFailures(inputs), ...runChecks(inputs, LATEST_CHECKS, isKnown, [])];
  const id = inputs.workflowId;
  const name = inputs.workflowName;
  // Both given is decided only once both are known (a preview may not know one of them yet).
  const both = !absent(id) && !absent(name);
  const problem = both && !(isKnown(id) && isKnown(name)) ? undefined : workflowChoiceProblem(!absent(id), !absent(name));
  if (problem) failures.push({ property: problem.setting, reason: problem.message });
  const { since, until } = inputs;
  if (!absent(since) && !absent(until) && isKnown(since) && isKnown(until) && failures.every((f) => f.property !== "since" && f.property !== "until")) {
    try {
      lookup({ ...ANY_WORKFLOW, since, until });
    } catch (e) {
      failures.push(failureOf("since", e));
    }
  }
  return [...failures, ...gateFailures(inputs, isKnown)];
}

/** All failures as one sentence list, for an error message. */
export function describeFailures(failures: InputFailure[]): string {
  return failures.map((f) => f.reason).join("; ");
}

/** Throws the failures as one ConfigurationError (`prefix: reason; reason`) naming the first property. */
export function throwOnFailures(prefix: string, failures: InputFailure[]): void {
  const first = failures[0];
  if (first !== undefined) throw new ConfigurationError(`${prefix}: ${describeFailures(failures)}`, first.property);
}

/** The engine's unknown sentinel (preview): such a value cannot be validated yet. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
