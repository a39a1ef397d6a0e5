/**
 * Pieces shared by the renderers: durations, status markers, and one row per node computed from the
 * node's latest execution (the same rule the gate uses, via `latestExecution`).
 */
import { nodeProgress } from "../../gate/describe";
import { latestExecution } from "../../model/map";
import type { ExecutionStatus, NodeExecutionDetail, WorkflowExecution } from "../../model/types";
import { FAILED_NODE_STATUSES } from "../../model/types";
import type { CommandName } from "../commands";

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return "-";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.floor(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

/** True for the statuses that make a node or run count as failed. */
export function isFailedStatus(status: ExecutionStatus | undefined): boolean {
  return status !== undefined && FAILED_NODE_STATUSES.includes(status);
}

/** `✓` success, `✗` failed, `…` not final: readable without color (CI logs, NO_COLOR). */
export function marker(status: ExecutionStatus | undefined): string {
  if (status === "success") return "✓";
  if (isFailedStatus(status)) return "✗";
  return "…";
}

/** The gate every service-provided text passes on its way out (see safeText.ts). */
export { safeText } from "./safeText";

/** What the renderers show about a node. */
export interface NodeRow {
  name: string;
  status: ExecutionStatus | undefined;
  failed: boolean;
  durationMs: number | undefined;
  /** Executions of the node (more than one when it was retried or looped). */
  attempts: number;
  error?: string;
  requestId?: string;
}

/** The row of a node, from its latest execution. */
export function nodeRow(node: NodeExecutionDetail): NodeRow {
  const last = latestExecution(node);
  return {
    name: node.nodeName,
    status: last?.status,
    failed: isFailedStatus(last?.status),
    durationMs: last?.durationMs,
    attempts: node.executions.length,
    error: last?.error,
    requestId: last?.requestId,
  };
}

/** The run's duration: the API's when the run ended, else how long it has been running. */
export function runDurationMs(e: WorkflowExecution, nowMs: number): number | undefined {
  if (e.durationMs !== undefined) return e.durationMs;
  if (e.beginTime === undefined || e.terminal) return undefined;
  return Math.max(0, nowMs - Date.parse(e.beginTime));
}

/** `3 of 5 nodes finished, 1 failed`. */
export function progressText(e: WorkflowExecution): string {
  const { finished, total } = nodeProgress(e);
  const failed = e.failedNodes.length;
  return `${finished} of ${total} nodes finished${failed ? `, ${failed} failed` : ""}`;
}

/** What the command ends with: the execution, which command produced it, and the gate's verdict if it failed. */
export interface RunOutcome {
  command: CommandName;
  execution: WorkflowExecution;
  /** The WorkflowGateError (code and message) when `wait`'s gate did not pass. */
  gateError?: { code: string; message: string };
  /** The statuses `wait` required. */
  required?: readonly string[];
}
