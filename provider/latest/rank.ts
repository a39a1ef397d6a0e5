/**
 * Which of two runs is "the latest". The list API documents no order, so the choice must not depend on
 * the order items are served in: the run that began last wins; a tie (begin times have whole-second
 * precision) goes to the one updated last, then to the greater execution ID (plain string comparison,
 * arbitrary but stable). A run without a begin time ranks below every run that has one.
 */
import type { ExecutionSummary } from "../model/summary";

function ms(iso: string | undefined): number {
  return iso === undefined ? -Infinity : Date.parse(iso);
}

/** Positive when `a` is later than `b`, negative when earlier, 0 only for the same execution ID. */
export function compareRuns(a: ExecutionSummary, b: ExecutionSummary): number {
  const byBegin = ms(a.beginTime) - ms(b.beginTime);
  if (byBegin !== 0 && !Number.isNaN(byBegin)) return byBegin;
  const byUpdate = ms(a.lastUpdateTime) - ms(b.lastUpdateTime);
  if (byUpdate !== 0 && !Number.isNaN(byUpdate)) return byUpdate;
  return a.executionId < b.executionId ? -1 : a.executionId > b.executionId ? 1 : 0;
}

/** The latest run so far and the one just behind it (both undefined before the first run). */
export interface Podium {
  latest?: ExecutionSummary;
  runnerUp?: ExecutionSummary;
}

/** The podium once `candidate` is ranked too. */
export function rankRun(p: Podium, candidate: ExecutionSummary): Podium {
  if (p.latest === undefined || compareRuns(candidate, p.latest) > 0) return { latest: candidate, runnerUp: p.latest };
  if (p.runnerUp === undefined || compareRuns(candidate, p.runnerUp) > 0) return { latest: p.latest, runnerUp: candidate };
  return p;
}
