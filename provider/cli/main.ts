/**
 * `fgs-execution`: the library's gate as a command for CI pipelines. `main` is what `bin/fgs-execution.js`
 * runs; it returns the exit code instead of exiting, so that pending output on pipes is flushed by Node
 * before the process ends, and so tests can call it in-process with fake streams.
 */
import { parseCommandLine } from "./args";
import { makeEnvScrubber } from "./envScrubber";
import { ExitCodes, exitCodeOf } from "./exitCodes";
import { commandHelp, topHelp } from "./help";
import { type CliIo, processIo } from "./io";
import { renderErrorAnnotation, renderErrorSummary, wantsGithub } from "./render/githubError";
import { appendMarkdown } from "./render/summary";
import { errorReport, reportError } from "./report";
import { runCommand } from "./run";
import { versionText } from "./version";

export { type CliIo, type CommandResult, processIo } from "./io";
export { ExitCodes } from "./exitCodes";
export { runAsProcess } from "./process";

/** The code of an interruption, for the outputs that name one. */
const INTERRUPTED = "FGS_INTERRUPTED";

/**
 * Runs the command line `argv` (the arguments after the script, i.e. `process.argv.slice(2)`) and
 * resolves to the exit code: 0 ok / gate passed, 1 gate rejected or stale, 2 usage or configuration,
 * 3 API/transport/validation, 4 still running at the wait timeout, 5 no run found (`latest`,
 * `wait --latest`), 6 inconclusive, 130 interrupted. Never rejects.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // Known before parsing, so that even a usage error can be shown with its stack, or as an annotation.
  const debug = argv.includes("--debug");
  const seen: { executionId?: string } = {};
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === "help") {
      io.stdout.write(parsed.command ? commandHelp(parsed.command) : topHelp());
      return ExitCodes.ok;
    }
    if (parsed.kind === "version") {
      io.stdout.write(`${versionText()}\n`);
      return ExitCodes.ok;
    }
    return await runCommand(parsed.options, io, seen);
  } catch (e) {
    return reportFailure(e, argv, io, debug, seen.executionId);
  }
}

/** Reports an error that ended the command (on stderr, and as annotation and summary with --output github). */
function reportFailure(e: unknown, argv: readonly string[], io: CliIo, debug: boolean, executionId: string | undefined): number {
  const interrupted = io.signal?.aborted === true;
  const exitCode = interrupted ? ExitCodes.interrupted : exitCodeOf(e);
  const report = errorReport(e, makeEnvScrubber(io.env));
  const code = interrupted ? INTERRUPTED : report.code;
  const message = report.text;
  try {
    if (!interrupted) reportError(e, io, debug);
    // A run that was started says what became of it (the library adds whether it was stopped).
    else if (executionId !== undefined) io.stderr.write(`fgs-execution: ${report.code}: ${message}\n`);
    if (interrupted) io.stderr.write("fgs-execution: interrupted\n");
    if (wantsGithub(argv)) {
      const text = interrupted ? `interrupted${executionId !== undefined ? `: ${message}` : ""}` : message;
      io.stdout.write(renderErrorAnnotation(code, text));
      const warning = appendMarkdown(renderErrorSummary(code, text, exitCode, executionId), io.env);
      if (warning) io.stderr.write(`fgs-execution: warning: ${warning}\n`);
    }
  } catch {
    // stderr itself failed: the exit code is all that is left to report with.
  }
  io.onResult?.({ exitCode, code, executionId, reason: interrupted ? "interrupted" : message });
  return exitCode;
}
