#!/usr/bin/env node
// Launcher of the local FunctionGraph emulator for installed users (`npx fgs-emulator`, or
// `npx fgs-execution emulator`): the same flags and output as `npm run emulator` in a clone.
"use strict";

/** Starts the emulator with `argv` (the flags after the command name). */
function run(argv) {
  let emulator;
  try {
    emulator = require("../dist/emulator/main.js");
  } catch (e) {
    if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist")) {
      process.stderr.write("fgs-emulator: the package is not built (dist/ is missing): run `npm run build`\n");
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  emulator.runEmulatorCommand(argv);
}

module.exports = { run };

if (require.main === module) run(process.argv.slice(2));
