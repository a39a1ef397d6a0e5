/**
 * The `github` output: GitHub Actions workflow commands on stdout (`::error` per failed node, a notice
 * or a gate error for the run). The runner parses them from the log, so every title and message first
 * passes `safeText` (one line, no control or bidi characters, no legacy `##[`), then is escaped by the
 * workflow-command rules: `%`, CR and LF in messages, plus `:` and `,` in properties. Otherwise a node
 * error containing a newline and `::` could inject a command of its own.
 */
import { GATING_COMMANDS } from "../commands";
import { runLabel } from "../../gate/describe";
import { formatDuration, nodeRow, progressText, type RunOutcome, safeText } from "./format";

/** GitHub shows at most 10 error annotations per step; keep room for the run's own annotation. */
const MAX_NODE_ANNOTATIONS = 9;
const MAX_MESSAGE = 1000;
const MAX_TITLE = 200;

/** Escapes a workflow-command message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value (e.g. `title`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One workflow command, e.g. `::error title=Node build fail::message`; the single way out of this file. */
export function command(kind: "error" | "warning" | "notice", title: string, message: string): string {
  return `::${kind} title=${escapeProperty(safeText(title, MAX_TITLE))}::${escapeData(safeText(message, MAX_MESSAGE))}`;
}

function nodeAnnotations(o: RunOutcome): string[] {
  const e = o.execution;
  const rows = e.failedNodes.map(nodeRow);
  const lines = rows.slice(0, MAX_NODE_ANNOTATIONS).map((r) => {
    let text = `${runLabel(e)}: node ${r.name} ended ${r.status ?? "unknown"}`;
    if (r.error) text += `: ${r.error}`;
    if (r.requestId) text += ` (request id ${r.requestId})`;
    return command("error", `Node ${r.name} ${r.status ?? "failed"}`, text);
  });
  if (rows.length > MAX_NODE_ANNOTATIONS) {
    const more = rows.slice(MAX_NODE_ANNOTATIONS).map((r) => r.name);
    lines.push(command("error", `${more.length} more failed nodes`, more.join(", ")));
  }
  return lines;
}

function runAnnotation(o: RunOutcome): string {
  const e = o.execution;
  const name = e.urn.workflowName;
  const took = formatDuration(e.durationMs);
  if (o.gateError) return command("error", `Workflow ${name}: ${o.gateError.code}`, o.gateError.message);
  if (GATING_COMMANDS.includes(o.command)) {
    return command("notice", `Workflow ${name} passed the gate`, `${runLabel(e)} ended ${e.status} in ${took} (required: ${(o.required ?? []).join(", ")})`);
  }
  if (e.succeeded) return command("notice", `Workflow ${name} ${e.status}`, `${runLabel(e)} ended ${e.status} in ${took}`);
  // `get` and `latest` do not gate, so a failed run is a warning for the reader, not a failed step.
  if (e.terminal) return command("warning", `Workflow ${name} ${e.status}`, `${runLabel(e)} ended ${e.status} in ${took} (${progressText(e)})`);
  return command("notice", `Workflow ${name} ${e.status}`, `${runLabel(e)} is ${e.status} (${progressText(e)})`);
}

/** The workflow commands for stdout, ending with a newline. */
export function renderGithub(o: RunOutcome): string {
  return `${[...nodeAnnotations(o), runAnnotation(o)].join("\n")}\n`;
}
