/** The shape of a gate verdict, and how durations read in its messages. */
import type { ConditionResult } from "../conditionArgs";
import type { GateErrorCode } from "./gateError";

export type Verdict = { pass: true; results?: ConditionResult[] } | { pass: false; code: GateErrorCode; message: string; results?: ConditionResult[] };

/** `0.4 s`, `12 s`: one decimal below ten seconds, so short waits do not read as "0 s". */
export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
