/**
 * Running a gate as the whole process: what bin/fgs-execution.js and the GitHub Action share.
 *
 * - No exit without a verdict: the exit code is 3 until `run` settles (./verdict).
 * - A crash is exit 3, never Node's 1, which here means "the gate rejected the run"; after an uncaught
 *   exception the process state cannot be trusted, so it exits at once.
 * - The first SIGINT or SIGTERM cancels the read or wait through `run`'s signal (a CI job that is
 *   cancelled sends them); a second one ends the process the default way.
 * - A reader that goes away early (`| head`) is not an error; any other lost output means the result
 *   was not delivered, which a pipeline must see as a failure (3), not a verdict.
 */
import { ExitCodes } from "./exitCodes";
import { crashLine } from "./report";
import { guardVerdict } from "./verdict";

export function runAsProcess(run: (signal: AbortSignal) => Promise<number>): void {
  const verdict = guardVerdict(process, (text) => process.stderr.write(text));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e?.code !== "EPIPE") verdict.outputLost();
    });
  }
  process.on("uncaughtException", (e) => {
    verdict.settle(ExitCodes.api);
    try {
      // Scrubbed and made one safe line like every other: the message may quote a credential or the service.
      process.stderr.write(crashLine(e, process.env));
    } finally {
      process.exit(ExitCodes.api);
    }
  });
  const controller = new AbortController();
  const stopListening = () => {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };
  const onSignal = () => {
    stopListening();
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  run(controller.signal)
    .then(
      (code) => verdict.settle(code),
      // `run` reports its own errors; this is a last resort that must not exit 1, which means "rejected".
      (e: unknown) => {
        verdict.settle(ExitCodes.api);
        process.stderr.write(crashLine(e, process.env));
      },
    )
    .finally(stopListening);
}
