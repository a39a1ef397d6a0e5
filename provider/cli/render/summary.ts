/**
 * The Markdown job summary of `--output github`, appended to the file named by `$GITHUB_STEP_SUMMARY`.
 * Node names and errors come from the workflow, so every cell is escaped: a `|` would break the table
 * and HTML or Markdown syntax would be rendered.
 */
import { GATING_COMMANDS } from "../commands";
import { appendFileSync } from "node:fs";
import { formatDuration, marker, nodeRow, progressText, type RunOutcome, safeText } from "./format";

const MAX_CELL = 200;

/** Text safe inside a Markdown table cell: `safeText`, then HTML entities and Markdown punctuation escaped. */
export function cell(text: string): string {
  return safeText(text, MAX_CELL)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1");
}

function verdictLine(o: RunOutcome): string {
  // The code is the library's own constant (FGS_GATE_...); the message quotes the service.
  if (o.gateError) return `**Gate failed** (${o.gateError.code}): ${cell(o.gateError.message)}`;
  if (GATING_COMMANDS.includes(o.command)) return `**Gate passed** (required: ${cell((o.required ?? []).join(", "))})`;
  return `Read only (\`${o.command}\` does not gate).`;
}

/** The summary as Markdown, ending with a blank line so consecutive summaries stay apart. */
export function renderSummary(o: RunOutcome): string {
  const e = o.execution;
  const lines = [
    `### ${marker(e.status)} Workflow ${cell(e.urn.workflowName)}: execution ${cell(e.executionId)} ${cell(e.status)}`,
    "",
    verdictLine(o),
    "",
    "| Field | Value |",
    "| --- | --- |",
    `| Status | ${cell(e.status)} |`,
    `| Workflow | ${cell(e.urn.workflowName)} (id ${cell(e.workflowId)}) |`,
    `| Execution | ${cell(e.executionId)} |`,
    `| Began | ${cell(e.beginTime ?? "-")} |`,
    `| Ended | ${cell(e.endTime ?? "-")} |`,
    `| Duration | ${formatDuration(e.durationMs)} |`,
    `| Nodes | ${progressText(e)} |`,
    "",
  ];
  if (e.nodes.length > 0) {
    lines.push("| | Node | Status | Duration | Error |", "| --- | --- | --- | --- | --- |");
    for (const r of e.nodes.map(nodeRow)) {
      const error = r.error ? cell(r.error) + (r.requestId ? ` (request id ${cell(r.requestId)})` : "") : "";
      const status = `${r.failed ? "**" : ""}${cell(r.status ?? "-")}${r.failed ? "**" : ""}`;
      lines.push(`| ${marker(r.status)} | ${cell(r.name)} | ${status} | ${formatDuration(r.durationMs)} | ${error} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Appends Markdown to the file named by `$GITHUB_STEP_SUMMARY`, when set. Returns a warning instead of
 * throwing: a summary that cannot be written must not change the gate's exit code.
 */
export function appendMarkdown(markdown: string, env: NodeJS.ProcessEnv): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  try {
    appendFileSync(file, markdown, "utf8");
    return undefined;
  } catch (e) {
    return `could not append the summary to $GITHUB_STEP_SUMMARY: ${(e as NodeJS.ErrnoException).code ?? "write failed"}`;
  }
}

/** Appends the run's summary when `$GITHUB_STEP_SUMMARY` is set; a warning when it cannot. */
export function appendSummary(o: RunOutcome, env: NodeJS.ProcessEnv): string | undefined {
  return appendMarkdown(renderSummary(o), env);
}
