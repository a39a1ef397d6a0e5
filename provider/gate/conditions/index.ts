/** Required nodes and conditions on outputs: types, checking, judging. */
export { checkConditions, checkRequireNodes, conditionText, type CheckedCondition, type CheckedNodeRequirement } from "./check";
export { judge, judgementText, type Judgement } from "./evaluate";
export type { Condition, ConditionFailure, ConditionResult, ConditionSource, Outcome, RequireNodes } from "../../conditionArgs";
