#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/provider/cli/main.js, from `tsc`) into one file, dist/cli.js, which
 * bin/fgs-execution.js loads. A one-shot `fgs-execution get` is a whole Node process per CI step, and
 * resolving, reading and compiling some 80 separate modules is a large part of its CPU; one file is read
 * and compiled once. node-fetch stays external: loading it as its own modules is cheaper than parsing
 * its URL tables as bundled JavaScript. Run by `npm run build` after `tsc`.
 */
"use strict";
const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");

esbuild.buildSync({
  entryPoints: [path.join(ROOT, "dist", "provider", "cli", "main.js")],
  outfile: path.join(ROOT, "dist", "cli.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // @pulumi/pulumi is an optional peer the CLI never loads; node-fetch: see above; re2js (300 KB) is
  // loaded only by a `matches` condition, so only those runs pay for it.
  external: ["@pulumi/pulumi", "node-fetch", "re2js"],
  // Names are kept: error messages and stack traces name the functions of the source.
  keepNames: true,
  logLevel: "warning",
});
