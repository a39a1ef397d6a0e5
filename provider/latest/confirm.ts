/**
 * The detailed read of the chosen run must confirm what the list said about it, or the gate would decide
 * on a run the lookup cannot vouch for as "the latest in the window": the same workflow and execution
 * IDs (IDs only: a display name and the URN's name segment may differ, as in Huawei's own published
 * ListWorkflows example, "test-flow" with URN segment "testflow"), a begin time inside the window, not
 * earlier than the next latest run in the list, and the status the list was filtered on when that status
 * is final (a final status never changes; a run listed as running may have finished since).
 *
 * Times are compared to the whole second, the precision the API documents, so a list and a detail that
 * write the same instant with different precision do not disagree.
 *
 * A disagreement fails closed (ResponseValidationError) rather than falling back to the next candidate:
 * when the list and the detail disagree, neither can be trusted to say which run is the latest.
 */
import { ResponseValidationError, type RequestSite } from "../errors";
import { safeLine, type Scrubber } from "../api/redact";
import type { ExecutionSummary } from "../model/summary";
import { isFinalStatus, type WorkflowExecution } from "../model/types";
import type { ListStatus } from "./args";

/** What the lookup chose, and where it looked. */
export interface Choice {
  workflowId: string;
  chosen: ExecutionSummary;
  runnerUp?: ExecutionSummary;
  /** The list's status filter, if any. */
  status?: ListStatus;
  sinceMs: number;
  untilMs: number;
}

interface Violation {
  pointer: string;
  expected: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The whole second (epoch) that `ms` falls in. */
function second(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Every way the detailed run `e` contradicts the choice. */
function contradictions(e: WorkflowExecution, c: Choice, scrub: Scrubber): Violation[] {
  const out: Violation[] = [];
  // IDs may have come from the service: scrubbed before they are quoted.
  const id = (s: string) => safeLine(s, scrub, 128);
  if (e.workflowId !== c.workflowId || c.chosen.workflowId !== c.workflowId) {
    out.push({ pointer: "/workflow_id", expected: `the workflow ID ${id(c.workflowId)}, as in the list` });
  }
  if (e.executionId !== c.chosen.executionId) {
    out.push({ pointer: "/execution_id", expected: `the execution ID ${id(c.chosen.executionId)}, as in the list` });
  }
  if (c.status !== undefined && isFinalStatus(c.status) && e.status !== c.status) {
    out.push({ pointer: "/status", expected: `${c.status}, the status the list was filtered on (a final status does not change)` });
  }
  const began = e.beginTime === undefined ? NaN : Date.parse(e.beginTime);
  if (!Number.isFinite(began)) {
    out.push({ pointer: "/begin_time", expected: "a begin time: a run without one cannot be shown to be in the window" });
    return out;
  }
  if (second(began) < second(c.sinceMs) || second(began) > second(c.untilMs)) {
    out.push({ pointer: "/begin_time", expected: `a time in the window ${iso(c.sinceMs)} to ${iso(c.untilMs)}, as the list said` });
  }
  const next = c.runnerUp?.beginTime === undefined ? undefined : Date.parse(c.runnerUp.beginTime);
  if (next !== undefined && second(began) < second(next)) {
    out.push({
      pointer: "/begin_time",
      expected: `a time no earlier than ${iso(next)}, when the next latest run in the list began: otherwise the chosen run is not the latest`,
    });
  }
  return out;
}

/** @throws ResponseValidationError when the detailed run contradicts the list's choice. */
export function confirmChoice(e: WorkflowExecution, c: Choice, site: RequestSite, scrub: Scrubber = (t) => t): void {
  const violations = contradictions(e, c, scrub);
  if (violations.length === 0) return;
  throw new ResponseValidationError(
    site,
    violations,
    `the detailed read of the run chosen as the latest in the window contradicts the list: ` +
      violations.map((v) => `${v.pointer} is not ${v.expected}`).join("; "),
  );
}
