/**
 * Judging a final run against required nodes and conditions. Fails closed: a value that is missing or of
 * the wrong type is never read as "fine", a node name that matches two nodes is an error, not a guess.
 * Reasons say why without quoting the value, unless payloads are exposed.
 */
import { latestExecution } from "../../model/map";
import type { NodeExecutionDetail, WorkflowExecution } from "../../model/types";
import type { CheckedCondition, CheckedNodeRequirement } from "./check";
import { resolvePointer } from "./pointer";
import type { ConditionResult, ConditionSource, Outcome } from "../../conditionArgs";

export interface Judgement {
  outcome: Outcome;
  results: ConditionResult[];
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** Equality of JSON values: same type, same members; no coercion. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => jsonEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The nodes named `name`. */
function nodesNamed(run: WorkflowExecution, name: string): NodeExecutionDetail[] {
  return run.nodes.filter((n) => n.nodeName === name);
}

type Lookup = { found: true; value: unknown } | { found: false; why: string; error?: boolean };

function sourceValue(run: WorkflowExecution, source: ConditionSource): Lookup {
  if (source === "output" || source === "input") {
    const value = run[source];
    return value === undefined ? { found: false, why: `the run has no ${source}` } : { found: true, value };
  }
  const nodes = nodesNamed(run, source.node);
  if (nodes.length > 1) return { found: false, why: `${nodes.length} nodes are named ${JSON.stringify(source.node)}`, error: true };
  if (nodes.length === 0) return { found: false, why: `no node is named ${JSON.stringify(source.node)}` };
  const output = latestExecution(nodes[0] as NodeExecutionDetail)?.output;
  return output === undefined ? { found: false, why: `node ${JSON.stringify(source.node)} has no output` } : { found: true, value: output };
}

function compare(c: CheckedCondition, actual: unknown): { ok: boolean } | { wrongType: string } {
  const expected = c.expected;
  switch (c.operator) {
    case "equals":
      return { ok: jsonEqual(actual, expected) };
    case "notEquals":
      return { ok: !jsonEqual(actual, expected) };
    case "in":
      return { ok: (expected as unknown[]).some((e) => jsonEqual(actual, e)) };
    case "matches":
      return typeof actual === "string" ? { ok: (c.pattern as { test(t: string): boolean }).test(actual) } : { wrongType: kindOf(actual) };
    case "exists":
      return { ok: expected === true };
    default: {
      if (typeof actual !== "number") return { wrongType: kindOf(actual) };
      const limit = expected as number;
      const ok = c.operator === "lt" ? actual < limit : c.operator === "lte" ? actual <= limit : c.operator === "gt" ? actual > limit : actual >= limit;
      return { ok };
    }
  }
}

function result(name: string, outcome: Outcome, reason: string): ConditionResult {
  return { name, outcome, passed: outcome === "pass", reason };
}

function judgeCondition(run: WorkflowExecution, c: CheckedCondition, expose: boolean): ConditionResult {
  const source = sourceValue(run, c.source);
  const at = source.found ? resolvePointer(source.value, c.path) : source;
  if (c.operator === "exists" && !(source.found === false && "error" in source && source.error)) {
    const present = at.found;
    return present === c.expected ? result(c.name, "pass", present ? "was present" : "was absent") : result(c.name, c.onFalse, present ? "was present" : "was missing");
  }
  if (!at.found) return result(c.name, "error" in at && at.error ? "fail" : c.onMissing, "why" in at ? `was missing (${at.why})` : "was missing");
  const verdict = compare(c, at.value);
  const shown = expose ? ` (the value: ${JSON.stringify(at.value)?.slice(0, 200)})` : "";
  if ("wrongType" in verdict) return result(c.name, c.onMissing, `was ${verdict.wrongType}, so it counts as missing${shown}`);
  if (verdict.ok) return result(c.name, "pass", "held");
  return result(c.name, c.onFalse, `${c.operator === "matches" ? "did not match" : "did not hold"}${shown}`);
}

function judgeNode(run: WorkflowExecution, r: CheckedNodeRequirement): ConditionResult {
  const name = `node ${JSON.stringify(r.node)} ${r.statuses.length === 1 ? `is ${r.statuses[0]}` : `is one of ${r.statuses.join(", ")}`}`;
  const nodes = nodesNamed(run, r.node);
  if (nodes.length > 1) return result(name, "fail", `${nodes.length} nodes are named ${JSON.stringify(r.node)}: name one node`);
  if (nodes.length === 0) return result(name, "fail", "no such node in the run");
  const last = latestExecution(nodes[0] as NodeExecutionDetail);
  if (last === undefined) return result(name, "fail", "the node has not run");
  return r.statuses.includes(last.status) ? result(name, "pass", `ended ${last.status}`) : result(name, "fail", `ended ${last.status}`);
}

/** Judges `run`: every required node, then every condition; the worst outcome wins. */
export function judge(run: WorkflowExecution, nodes: CheckedNodeRequirement[], conditions: CheckedCondition[], exposePayloads = false): Judgement {
  const results = [...nodes.map((n) => judgeNode(run, n)), ...conditions.map((c) => judgeCondition(run, c, exposePayloads))];
  const outcome: Outcome = results.some((r) => r.outcome === "fail") ? "fail" : results.some((r) => r.outcome === "inconclusive") ? "inconclusive" : "pass";
  return { outcome, results };
}

/** One line for a gate message: the results that did not pass. */
export function judgementText(j: Judgement): string {
  return j.results
    .filter((r) => !r.passed)
    .map((r) => `${r.name}: ${r.reason}${r.outcome === "inconclusive" ? " (inconclusive)" : ""}`)
    .join("; ");
}
