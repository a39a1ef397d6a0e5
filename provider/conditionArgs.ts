/**
 * Conditions on what a run produced, and nodes that must have ended well: the types callers write.
 * Every name here is part of the public contract (library, CLI condition files, Pulumi inputs).
 */
import type { ExecutionStatus } from "./model/types";

/** Where a condition reads its value: the run's output or input, or a node's latest output (by name). */
export type ConditionSource = "output" | "input" | { node: string };

/** What a condition's outcome counts as when it is false, or when its value is missing. */
export type ConditionFailure = "fail" | "inconclusive";

interface ConditionCommon {
  source: ConditionSource;
  /** RFC 6901 JSON Pointer into the source ("" is the whole value). */
  path: string;
  /** What a false comparison counts as. Default "fail". */
  onFalse?: ConditionFailure;
  /** What a missing value (or one of the wrong type) counts as. Default "fail". */
  onMissing?: ConditionFailure;
  /** A label for messages and results. Default: the condition written out (source, path, operator, value). */
  name?: string;
}

/** One comparison. Exactly one operator per condition. Values are JSON; nothing is ever coerced. */
export type Condition = ConditionCommon &
  (
    | { equals: unknown }
    | { notEquals: unknown }
    | { in: unknown[] }
    | { lt: number }
    | { lte: number }
    | { gt: number }
    | { gte: number }
    | { exists: boolean }
    /** A regular expression (RE2 syntax, at most 256 characters) searched for in a string value. */
    | { matches: string }
  );

export const OPERATORS = ["equals", "notEquals", "in", "lt", "lte", "gt", "gte", "exists", "matches"] as const;
export type Operator = (typeof OPERATORS)[number];

/** Nodes by name that must have ended in a status (`success` when only names are given). */
export type RequireNodes = string[] | Record<string, ExecutionStatus | ExecutionStatus[]>;

/** The gate's three verdicts. Inconclusive never passes. */
export type Outcome = "pass" | "fail" | "inconclusive";

/** How one condition or required node came out. `reason` never quotes a payload value unless exposed. */
export interface ConditionResult {
  name: string;
  outcome: Outcome;
  passed: boolean;
  reason: string;
}
