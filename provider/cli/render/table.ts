/**
 * The `table` output: the run's status, workflow and timings, then one row per node with status,
 * duration and error. Failed nodes carry a `✗` marker (readable in any CI log) and, on a terminal
 * without NO_COLOR, are red.
 */
import type { WorkflowExecution } from "../../model/types";
import { formatDuration, marker, nodeRow, type NodeRow, progressText, runDurationMs, safeText } from "./format";

/** How to draw the table. */
export interface TableOptions {
  color: boolean;
  /** For the running time of a run that has not ended. */
  nowMs: number;
}

const MAX_NAME = 40;
const MAX_ERROR = 160;
const MAX_ID = 128;

type Paint = (text: string) => string;
const ansi = (code: string): Paint => (text) => `\x1b[${code}m${text}\x1b[0m`;
const plain: Paint = (text) => text;

function statusPaint(status: string | undefined, failed: boolean, color: boolean): Paint {
  if (!color) return plain;
  if (failed) return ansi("31");
  return status === "success" ? ansi("32") : ansi("33");
}

function errorCell(row: NodeRow): string {
  if (!row.error) return "";
  const id = row.requestId ? ` (request id ${safeText(row.requestId, MAX_ID)})` : "";
  return safeText(row.error, MAX_ERROR) + id;
}

function nodeTable(e: WorkflowExecution, color: boolean): string[] {
  if (e.nodes.length === 0) return ["(no node details)"];
  const rows = e.nodes.map(nodeRow);
  const cells = rows.map((r) => [
    safeText(r.name, MAX_NAME),
    `${safeText(r.status ?? "-", MAX_ID)}${r.attempts > 1 ? ` (${r.attempts}x)` : ""}`,
    formatDuration(r.durationMs),
    errorCell(r),
  ]);
  const header = ["NODE", "STATUS", "DURATION", "ERROR"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (marks: string, c: string[]) =>
    `${marks}  ${c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] as number))).join("  ")}`.trimEnd();
  const bold = color ? ansi("1") : plain;
  const out = [bold(line(" ", header))];
  rows.forEach((r, i) => {
    const paint = r.failed ? statusPaint(r.status, true, color) : plain;
    const text = line(marker(r.status), cells[i] as string[]);
    // A failed row is painted whole, so it stands out even in a long list.
    out.push(r.failed ? paint(text) : text);
  });
  return out;
}

/** The whole table as text, ending with a newline. */
export function renderTable(e: WorkflowExecution, options: TableOptions): string {
  const paint = statusPaint(e.status, e.terminal && !e.succeeded, options.color);
  const field = (label: string, value: string) => `${`${label}:`.padEnd(11)}${value}`;
  const lines = [
    // Every service-provided text goes through safeText: no control, bidi or line-breaking character
    // from the service reaches the terminal or the CI log; only the table's own color codes do.
    field("Workflow", safeText(`${e.urn.workflowName} (id ${e.workflowId}, version ${e.urn.version})`, 200)),
    field("Execution", safeText(e.executionId, MAX_ID)),
    field("Status", paint(`${marker(e.status)} ${safeText(e.status, MAX_ID)}`)),
    field("Began", safeText(e.beginTime ?? "-", MAX_ID)),
    field("Ended", e.endTime !== undefined ? safeText(e.endTime, MAX_ID) : e.terminal ? "-" : "(not ended)"),
    field(e.terminal ? "Duration" : "Running", formatDuration(runDurationMs(e, options.nowMs))),
    field("Nodes", progressText(e)),
    "",
    ...nodeTable(e, options.color),
  ];
  return `${lines.join("\n")}\n`;
}
