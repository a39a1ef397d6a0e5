/**
 * Building scenarios in code: start from the shipped default (or any scenario) and add runs, e.g. a
 * generated large body for a benchmark. Nothing here mutates its arguments.
 */
import defaultScenarioJson from "./scenarios/default.json";
import type { Scenario, ScenarioExecution } from "./scenario";

/** A deep copy of the shipped default scenario, free to modify. */
export function defaultScenario(): Scenario {
  return structuredClone(defaultScenarioJson) as unknown as Scenario;
}

/**
 * A copy of `scenario` with `executions` appended to the workflow `workflowId` (default: the first
 * workflow). Example: `withExecutions(defaultScenario(), undefined, [{ id: "big", raw: makeLargeExecution({...}) }])`.
 */
export function withExecutions(scenario: Scenario, workflowId: string | undefined, executions: ScenarioExecution[]): Scenario {
  const copy = structuredClone(scenario);
  const workflow = workflowId === undefined ? copy.workflows[0] : copy.workflows.find((w) => w.id === workflowId);
  if (!workflow) throw new Error(`no workflow ${workflowId ?? "(first)"} in the scenario`);
  workflow.executions.push(...structuredClone(executions));
  return copy;
}
