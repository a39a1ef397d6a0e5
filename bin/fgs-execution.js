#!/usr/bin/env node
// Launcher of the `fgs-execution` command: all logic is in dist/cli.js, the one-file bundle of
// provider/cli/main.ts that `npm run build` writes (one file loads faster than some 80 modules). It sets
// process.exitCode instead of calling process.exit(), which could cut off output still being written to
// a pipe (`fgs-execution get ... --output json | jq`).
"use strict";

// `fgs-execution emulator [flags]`: the local emulator for installed users, which is not a gate and so
// has its own launcher (same flags as `npm run emulator`).
if (process.argv[2] === "emulator") {
  require("./fgs-emulator.js").run(process.argv.slice(3));
  return;
}

// No verdict, no success: until main() resolves, the exit code is 3 (see provider/cli/verdict.ts). Set
// first, before anything can fail or leave the event loop empty.
process.exitCode = 3;

let cli;
try {
  cli = require("../dist/cli.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist")) {
    process.stderr.write("fgs-execution: FGS_USAGE: the package is not built (dist/ is missing): run `npm run build`\n");
    process.exitCode = 2;
    return;
  }
  // A broken install: say so on one printable line; the exit code stays 3.
  const why = String(e && e.message).replace(/[^\x20-\x7e]+/g, " ").slice(0, 300);
  process.stderr.write(`fgs-execution: FGS_UNEXPECTED: the command could not be loaded: ${why}\n`);
  return;
}

const verdict = cli.guardVerdict(process, (text) => process.stderr.write(text));

// A reader that goes away early (`| head`) must not crash the command with an EPIPE stack trace; other
// stream errors mean the output is lost, which a pipeline must see as a failure (3), not a verdict.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (!e || e.code !== "EPIPE") verdict.outputLost();
  });
}

// Node's own exit code for a crash is 1, which here means "the gate rejected the run": a crash must be 3.
// Exiting at once is deliberate: after an uncaught exception the process state cannot be trusted.
process.on("uncaughtException", (e) => {
  verdict.settle(3);
  try {
    // Scrubbed and made one safe line like every other: the message may quote a credential or the service.
    process.stderr.write(cli.crashLine(e, process.env));
  } finally {
    process.exit(3);
  }
});

// First SIGINT/SIGTERM cancels the read or wait cleanly (exit 130); a second one kills as usual.
const controller = new AbortController();
const onSignal = () => {
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  controller.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

cli
  .main(process.argv.slice(2), cli.processIo(controller.signal))
  .then(
    (code) => verdict.settle(code),
    // main() reports its own errors; this is a last resort that must not exit 1, which means "rejected".
    (e) => {
      verdict.settle(3);
      process.stderr.write(cli.crashLine(e, process.env));
    },
  )
  .finally(() => {
    // Done: from here on a signal should end the process the default way.
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  });
