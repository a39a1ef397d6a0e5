/**
 * `--output github` for a command that ended without a run to show (an API or transport error, a usage
 * error, no run found, an interruption): an `::error` annotation and a summary section, so that every
 * non-zero exit is visible in the job's annotations and summary, not only a gate verdict.
 */
import { command } from "./github";
import { cell } from "./summary";

/** What failed, in words, by error code. */
const WHAT: Record<string, string> = {
  FGS_USAGE: "Usage error",
  FGS_CONFIGURATION: "Configuration error",
  FGS_API_ERROR: "API error",
  FGS_TRANSPORT: "Transport failure",
  FGS_RESPONSE_INVALID: "Invalid response",
  FGS_NO_EXECUTION: "No run found",
  FGS_INTERRUPTED: "Interrupted",
};

function whatFailed(code: string): string {
  return WHAT[code] ?? "Unexpected failure";
}

/** The annotation line (with newline) for an error `code` and its message (already scrubbed). */
export function renderErrorAnnotation(code: string, message: string): string {
  return `${command("error", `fgs-execution: ${whatFailed(code)} (${code})`, message)}\n`;
}

/** The summary section for an error; the execution ID when a run had been started. */
export function renderErrorSummary(code: string, message: string, exitCode: number, executionId?: string): string {
  // The code is one of ours (FGS_ and capitals), shown as code so its underscores stay as they are.
  const shownCode = /^FGS_[A-Z0-9_]{1,40}$/.test(code) ? `\`${code}\`` : cell(code);
  const lines = [`### ✗ fgs-execution: ${whatFailed(code)}`, "", `**${shownCode}** (exit ${exitCode}): ${cell(message)}`, ""];
  if (executionId !== undefined) lines.push(`Execution started: ${cell(executionId)}`, "");
  return `${lines.join("\n")}\n`;
}

/** True when the command line asks for `--output github` (read before parsing, so usage errors are shown too). */
export function wantsGithub(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === "--output=github" || (a === "--output" && argv[i + 1] === "github"));
}
