/**
 * `fgs-execution`: the library's gate as a command for CI pipelines. `main` is what `bin/fgs-execution.js`
 * runs; it returns the exit code instead of exiting, so that pending output on pipes is flushed by Node
 * before the process ends, and so tests can call it in-process with fake streams.
 */
import { parseCommandLine } from "./args";
import { ExitCodes, exitCodeOf } from "./exitCodes";
import { commandHelp, topHelp } from "./help";
import { type CliIo, processIo } from "./io";
import { reportError } from "./report";
import { runCommand } from "./run";
import { versionText } from "./version";

export { type CliIo, processIo } from "./io";
export { ExitCodes } from "./exitCodes";
export { crashLine } from "./report";
export { guardVerdict } from "./verdict";

/**
 * Runs the command line `argv` (the arguments after the script, i.e. `process.argv.slice(2)`) and
 * resolves to the exit code: 0 ok / gate passed, 1 gate rejected or stale, 2 usage or configuration,
 * 3 API/transport/validation, 4 still running at the wait timeout, 5 no run found (`latest`,
 * `wait --latest`), 130 interrupted. Never rejects.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // Known before parsing, so that even a usage error can be shown with its stack.
  const debug = argv.includes("--debug");
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
    return await runCommand(parsed.options, io);
  } catch (e) {
    if (io.signal?.aborted) {
      io.stderr.write("fgs-execution: interrupted\n");
      return ExitCodes.interrupted;
    }
    try {
      reportError(e, io, debug);
    } catch {
      // stderr itself failed: the exit code is all that is left to report with.
    }
    return exitCodeOf(e);
  }
}
