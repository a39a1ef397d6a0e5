/**
 * Validation of `WorkflowRun`'s inputs: the start rules are `runWorkflow`'s own (`checkStart`: the
 * workflow by ID or name, `input` a JSON object, `headers`, the size limit), the rest are the checks both
 * gate resources use. The resource constructor runs it on the values already known; the provider's
 * `check` runs it again on what the engine sends. Messages name the setting, never its value.
 */
import { checkStart } from "../run/start";
import { absent, boolean, COMMON_CHECKS, exposureFailures, failureOf, forbidden, gateFailures, type InputFailure, runChecks } from "./validate";

const RUN_CHECKS: Record<string, (value: unknown) => void> = {
  sync: boolean("sync"),
  stopOnGiveUp: boolean("stopOnGiveUp"),
  ...COMMON_CHECKS,
};

const START_KEYS = ["workflowId", "workflowName", "input", "headers"] as const;

/** The start's own arguments, checked once every one of them is known. */
function startFailures(inputs: Record<string, unknown>, isKnown: (value: unknown) => boolean): InputFailure[] {
  if (absent(inputs.input)) return [{ property: "input", reason: "input is required (a JSON object: the run's input)" }];
  if (!START_KEYS.every((k) => absent(inputs[k]) || isKnown(inputs[k]))) return [];
  const start: Record<string, unknown> = {};
  for (const key of START_KEYS) if (!absent(inputs[key])) start[key] = inputs[key];
  try {
    checkStart(start as never, "WorkflowRun");
    return [];
  } catch (e) {
    return [failureOf("input", e)];
  }
}

/**
 * Checks the inputs of `WorkflowRun` and returns every failure. `isKnown` tells whether a value can be
 * checked now (the resource skips `Output`s; `check` skips the engine's unknown sentinel).
 */
export function validateRunInputs(
  inputs: Record<string, unknown>,
  isKnown: (value: unknown) => boolean = () => true,
): InputFailure[] {
  return [
    ...forbidden(inputs),
    ...exposureFailures(inputs),
    ...runChecks(inputs, RUN_CHECKS, isKnown, []),
    ...startFailures(inputs, isKnown),
    ...gateFailures(inputs, isKnown),
  ];
}
