/**
 * Conditions and required nodes checked once, when the gate's options are resolved: a malformed one is a
 * ConfigurationError naming it (`conditions[2].path`), before any request. What comes out is the plain
 * shape the evaluator reads.
 */
import { ConfigurationError } from "../../errors";
import { ALL_STATUSES, type ExecutionStatus } from "../../model/types";
import { pointerProblem } from "./pointer";
import { compilePattern, type Pattern } from "./pattern";
import { type Condition, type ConditionFailure, type ConditionSource, OPERATORS, type Operator, type RequireNodes } from "../../conditionArgs";

export interface CheckedCondition {
  name: string;
  source: ConditionSource;
  path: string;
  operator: Operator;
  expected: unknown;
  pattern?: Pattern;
  onFalse: ConditionFailure;
  onMissing: ConditionFailure;
}

export interface CheckedNodeRequirement {
  node: string;
  statuses: ExecutionStatus[];
}

const NUMERIC: ReadonlySet<Operator> = new Set(["lt", "lte", "gt", "gte"]);

function fail(setting: string, problem: string): never {
  throw new ConfigurationError(`${setting} ${problem}`, setting);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkSource(source: unknown, at: string): ConditionSource {
  if (source === "output" || source === "input") return source;
  if (isPlainObject(source) && Object.keys(source).length === 1 && typeof source.node === "string" && source.node !== "") return { node: source.node };
  return fail(`${at}.source`, 'must be "output", "input" or { node: "<node name>" }');
}

function checkFailure(v: unknown, at: string): ConditionFailure {
  if (v === undefined) return "fail";
  if (v === "fail" || v === "inconclusive") return v;
  return fail(at, 'must be "fail" or "inconclusive"');
}

function checkExpected(operator: Operator, expected: unknown, at: string): void {
  if (NUMERIC.has(operator) && (typeof expected !== "number" || !Number.isFinite(expected))) fail(at, "must be a finite number");
  if (operator === "in" && !Array.isArray(expected)) fail(at, "must be an array of JSON values");
  if (operator === "exists" && typeof expected !== "boolean") fail(at, "must be true or false");
  if (operator === "matches" && typeof expected !== "string") fail(at, "must be a string (a regular expression)");
  if (expected === undefined) fail(at, "must be a JSON value");
  try {
    JSON.stringify(expected);
  } catch {
    fail(at, "must be a JSON value");
  }
}

/** The condition written out, as the CLI syntax reads it: `output:/verdict == "ok"`. */
export function conditionText(source: ConditionSource, path: string, operator: Operator, expected: unknown): string {
  const where = typeof source === "string" ? source : `node[${source.node}]`;
  const symbol: Record<Operator, string> = { equals: "==", notEquals: "!=", in: "in", lt: "<", lte: "<=", gt: ">", gte: ">=", exists: "exists", matches: "matches" };
  if (operator === "exists") return `${where}:${path} ${expected ? "exists" : "does not exist"}`;
  return `${where}:${path} ${symbol[operator]} ${JSON.stringify(expected)}`;
}

/** The fields a condition may have. */
const CONDITION_FIELDS: ReadonlySet<string> = new Set(["source", "path", "onFalse", "onMissing", "name", ...OPERATORS]);

function checkCondition(raw: unknown, at: string): CheckedCondition {
  if (!isPlainObject(raw)) return fail(at, "must be an object with source, path and one operator");
  const operators = OPERATORS.filter((op) => Object.prototype.hasOwnProperty.call(raw, op));
  if (operators.length !== 1) fail(at, `must have exactly one operator of ${OPERATORS.join(", ")} (has ${operators.length})`);
  const unknown = Object.keys(raw).filter((k) => !CONDITION_FIELDS.has(k));
  if (unknown.length > 0) fail(at, `has unknown field ${JSON.stringify(unknown[0])}`);
  const operator = operators[0] as Operator;
  const source = checkSource(raw.source, at);
  const problem = pointerProblem(raw.path);
  if (problem) fail(`${at}.path`, `is not a JSON Pointer: it ${problem}`);
  const expected = raw[operator];
  checkExpected(operator, expected, `${at}.${operator}`);
  if (raw.name !== undefined && (typeof raw.name !== "string" || raw.name === "")) fail(`${at}.name`, "must be a non-empty string");
  const path = raw.path as string;
  return {
    name: (raw.name as string | undefined) ?? conditionText(source, path, operator, expected),
    source,
    path,
    operator,
    expected,
    pattern: operator === "matches" ? compilePattern(expected as string, `${at}.matches`) : undefined,
    onFalse: checkFailure(raw.onFalse, `${at}.onFalse`),
    onMissing: checkFailure(raw.onMissing, `${at}.onMissing`),
  };
}

/** Checks `conditions` (undefined: none). */
export function checkConditions(conditions: unknown): CheckedCondition[] {
  if (conditions === undefined) return [];
  if (!Array.isArray(conditions)) return fail("conditions", "must be an array of conditions");
  return conditions.map((c: Condition | unknown, i) => checkCondition(c, `conditions[${i}]`));
}

function checkStatuses(v: unknown, at: string): ExecutionStatus[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) fail(at, "must name at least one status");
  for (const s of list) if (!(ALL_STATUSES as readonly unknown[]).includes(s)) fail(at, `has an unknown status ${JSON.stringify(s)} (one of ${ALL_STATUSES.join(", ")})`);
  return list as ExecutionStatus[];
}

/** Checks `requireNodes` (undefined: none). */
export function checkRequireNodes(requireNodes: RequireNodes | unknown): CheckedNodeRequirement[] {
  if (requireNodes === undefined) return [];
  if (Array.isArray(requireNodes)) {
    return requireNodes.map((node, i) => {
      if (typeof node !== "string" || node === "") fail(`requireNodes[${i}]`, "must be a node name");
      return { node: node as string, statuses: ["success"] as ExecutionStatus[] };
    });
  }
  if (!isPlainObject(requireNodes)) return fail("requireNodes", "must be a list of node names or an object of node name to status(es)");
  return Object.entries(requireNodes).map(([node, statuses]) => ({ node, statuses: checkStatuses(statuses, `requireNodes[${JSON.stringify(node)}]`) }));
}
