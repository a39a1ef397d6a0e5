#!/usr/bin/env node
/**
 * Bundles the TypeScript sources into the files that run:
 *
 * - dist/cli.js: the `fgs-execution` command (bin/fgs-execution.js loads it);
 * - dist/lib.js: the library behind every package entry point (`.`, `./pulumi`, `./testing`,
 *   `./runtime`), one copy shared by all of them, so an error class thrown under `./pulumi` is the one
 *   a program imports from `.`;
 * - dist/index.js, dist/pulumi.js, dist/testing.js, dist/runtime.js: the entry points themselves, each
 *   naming its exports one by one (`exports.name = ...`), which is what lets ESM programs import them
 *   by name (Node reads CommonJS export names from the text).
 *
 * Why bundle: a fresh process (a CI step, a Pulumi program, the provider host) spends more CPU resolving,
 * reading and compiling some 90 separate modules than on the read it makes. Bundling from the sources
 * rather than from tsc's CommonJS output puts every module in one scope (no per-module wrapper to parse
 * and call) and leaves out what nothing uses. Whitespace and syntax are minified, identifiers are not:
 * stack traces name the source's functions (a name two modules share gets a numeric suffix there).
 * node-fetch, re2js and @pulumi/pulumi stay external: the first two load as their own modules (re2js
 * only for a `matches` condition), the last is a peer. Type declarations are tsc's, in dist/provider/.
 *
 * Run by `npm run build` (after tsc, whose output the bench, demo and emulator run).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

/** The library's entry point, and the Pulumi layer's (package entry file in dist/ → source module). */
const LIBRARY_ENTRY = "./provider/index.ts";
const PULUMI_ENTRIES = {
  "pulumi.js": "./provider/pulumi/index.ts",
  "testing.js": "./provider/testing/index.ts",
  "runtime.js": "./provider/pulumi/runtime.ts",
};

/** Sources of the Pulumi layer: bundled into dist/pulumi-lib.js; everything else is the library's. */
const PULUMI_LAYER = /[\\/]provider[\\/](pulumi|testing)[\\/]/;

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["@pulumi/pulumi", "node-fetch", "re2js"],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};

function bundleCli() {
  return esbuild.build({ ...COMMON, entryPoints: [path.join(ROOT, "provider", "cli", "main.ts")], outfile: path.join(DIST, "cli.js") });
}

/**
 * An esbuild plugin for the Pulumi layer: each library module it imports is taken from dist/lib.js
 * (its `__internal` table) instead of being bundled a second time. `used` collects those modules.
 */
function fromLibrary(used) {
  return {
    name: "from-library",
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === "from-library" || !PULUMI_LAYER.test(args.importer)) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "from-library" });
        if (resolved.errors.length > 0 || PULUMI_LAYER.test(resolved.path)) return resolved;
        const key = path.relative(ROOT, resolved.path).split(path.sep).join("/");
        used.add(key);
        return { path: key, namespace: "library" };
      });
      build.onLoad({ filter: /.*/, namespace: "library" }, (args) => ({
        contents: `module.exports = require("./lib.js").__internal[${JSON.stringify(args.path)}];`,
        loader: "js",
      }));
      build.onResolve({ filter: /^\.\/lib\.js$/, namespace: "library" }, () => ({ path: "./lib.js", external: true }));
    },
  };
}

/** dist/pulumi-lib.js: the Pulumi layer's entry points, each loaded on first use. Returns the library modules it takes. */
async function bundlePulumiLayer() {
  const used = new Set();
  const loaders = Object.entries(PULUMI_ENTRIES).map(([file, source]) => `  ${JSON.stringify(file)}: () => require(${JSON.stringify(source)}),`);
  await esbuild.build({
    ...COMMON,
    plugins: [fromLibrary(used)],
    stdin: { contents: `module.exports = {\n${loaders.join("\n")}\n};\n`, resolveDir: ROOT, sourcefile: "pulumi-entries.js", loader: "js" },
    outfile: path.join(DIST, "pulumi-lib.js"),
  });
  return [...used].sort();
}

/**
 * dist/lib.js: the library, its modules in one scope, exporting the root entry point's API and, under
 * `__internal`, the modules the Pulumi layer takes from it (one copy of each class and each registry).
 */
function bundleLibrary(internal) {
  const imports = internal.map((key, i) => `import * as m${i} from ${JSON.stringify(`./${key}`)};`);
  const table = internal.map((key, i) => `  ${JSON.stringify(key)}: m${i},`);
  const contents = [`export * from ${JSON.stringify(LIBRARY_ENTRY)};`, ...imports, `export const __internal = {`, ...table, "};", ""].join("\n");
  return esbuild.build({
    ...COMMON,
    stdin: { contents, resolveDir: ROOT, sourcefile: "lib.ts", loader: "ts" },
    outfile: path.join(DIST, "lib.js"),
  });
}

/**
 * Writes dist/<file>, naming the exports of `exports` one by one: read from the bundle itself. Loading the
 * Pulumi layer needs @pulumi/pulumi, a devDependency, so this runs at build time only.
 */
function writeEntry(file, source, loader, exports) {
  const names = Object.keys(exports).filter((name) => name !== "__esModule" && name !== "__internal");
  const lines = [
    '"use strict";',
    `// Generated by scripts/bundle.js: the exports of ${source.replace(/^\.\//, "")}, bundled in ${loader.split("\"")[1]}.`,
    `const m = ${loader};`,
    'Object.defineProperty(exports, "__esModule", { value: true });',
    ...names.map((name) => `exports.${name} = m.${name};`),
    "",
  ];
  fs.writeFileSync(path.join(DIST, file), lines.join("\n"));
}

async function main() {
  const [internal] = await Promise.all([bundlePulumiLayer(), bundleCli()]);
  await bundleLibrary(internal);
  writeEntry("index.js", LIBRARY_ENTRY, 'require("./lib.js")', require(path.join(DIST, "lib.js")));
  const layer = require(path.join(DIST, "pulumi-lib.js"));
  for (const [file, source] of Object.entries(PULUMI_ENTRIES)) {
    writeEntry(file, source, `require("./pulumi-lib.js")[${JSON.stringify(file)}]()`, layer[file]());
  }
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
