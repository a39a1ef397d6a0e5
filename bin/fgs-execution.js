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

// The guards every gate process has (provider/cli/process.ts): no exit without a verdict, a crash is 3,
// the first SIGINT/SIGTERM cancels the read or wait cleanly (exit 130), lost output is 3.
cli.runAsProcess((signal) => cli.main(process.argv.slice(2), cli.processIo(signal)));
