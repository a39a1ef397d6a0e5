/**
 * An esbuild plugin for bundling from the TypeScript sources (scripts/bundle.js, action/build.js).
 *
 * provider/model/generated/validators.ts is CommonJS code (`exports.x = ...`, ajv's standalone output)
 * followed by one-line `export declare` / `export type` statements that only give tsc its types. They
 * would make esbuild treat the file as an ES module, where `exports` is not the module's: they are
 * dropped here, and the rest is loaded as the plain JavaScript it is.
 */
"use strict";
const fs = require("fs");

module.exports = {
  name: "cjs-validators",
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]validators\.ts$/ }, (args) => ({
      contents: fs.readFileSync(args.path, "utf8").replace(/^export (declare|type) .*$/gm, ""),
      loader: "js",
    }));
  },
};
