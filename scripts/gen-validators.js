#!/usr/bin/env node
/**
 * Generates provider/model/generated/validators.ts: ajv's standalone validation code for the body schemas
 * in schema/. The schemas stay the single source; this file only turns them into code at build time, so
 * a read never loads ajv's compiler: loading ajv and compiling the schemas in every fresh process would
 * cost a one-shot CLI about as much CPU as the rest of its read.
 *
 *   node scripts/gen-validators.js           write the file (run by `npm run build` and `npm run typecheck`)
 *   node scripts/gen-validators.js --check   exit 1 if the committed file differs from what would be written
 *
 * The output is committed, so a fresh checkout typechecks and tests without a build step; the --check mode
 * and tests/model/standalone.test.ts fail when it is stale.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "schema");
const OUT_FILE = path.join(ROOT, "provider", "model", "generated", "validators.ts");

/** Export name of each validator → schema file. The names are the `BodyKind`s of provider/model/validate.ts. */
const BODY_SCHEMAS = {
  execution: "workflow-execution.schema.json",
  error: "error.schema.json",
  workflowList: "workflow-list.schema.json",
  executionList: "execution-list.schema.json",
  iamProjects: "iam-projects.schema.json",
  startRequest: "start-execution-request.schema.json",
  startResponse: "start-execution-response.schema.json",
  syncResponse: "sync-execution-response.schema.json",
};

/** Definitions shared by the body schemas (referenced as `common.schema.json#/definitions/...`). */
const COMMON_SCHEMA = "common.schema.json";

/** The one custom format; its check is `SCHEMA_FORMATS` in provider/model/time.ts. */
const FORMAT_NAME = "fgs-utc-time";

/**
 * ajv options shared by the generator and by the test that compares generated and run-time validators.
 * allErrors off: a bad body is rejected anyway, so validation stops at the first violation.
 * strict: a typo in a schema fails generation instead of silently validating nothing.
 * allowUnionTypes: ["object","null"] is how null tolerance is written.
 * messages off: violations are described from the schema's own titles (provider/model/validate.ts finds
 * the subschema by the error's schemaPath when a body is rejected), so the code carries no message text.
 * verbose stays off for the same reason: it would build every error with its schema objects attached.
 */
const AJV_OPTIONS = { allErrors: false, strict: true, allowUnionTypes: true, messages: false };

/** Keywords that only document a schema: never part of a verdict, so left out of the generated code. */
const DOCUMENTATION = new Set(["description", "$comment"]);

/**
 * A schema file as ajv gets it: without its documentation keywords, and with every reference to one of
 * its own definitions (`#/definitions/x`) replaced by a copy of that definition. ajv compiles such a
 * reference into a function of its own whose errors give paths relative to the definition, which could
 * not be found again in the file; written in place, every error's schemaPath is a path of the file
 * (or of common.schema.json), through the reference. Neither change alters a verdict.
 */
function readSchema(file) {
  const text = fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8");
  const schema = JSON.parse(text, (key, value) => (DOCUMENTATION.has(key) && typeof value === "string" ? undefined : value));
  const inline = (node, trail) => {
    if (Array.isArray(node)) return node.map((item) => inline(item, trail));
    if (node === null || typeof node !== "object") return node;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/definitions/")) {
      if (trail.includes(node.$ref)) throw new Error(`${file}: ${node.$ref} refers to itself; the generator cannot inline it`);
      const name = node.$ref.slice("#/definitions/".length);
      const target = schema.definitions && schema.definitions[name];
      if (target === undefined || Object.keys(node).length !== 1) throw new Error(`${file}: cannot inline ${node.$ref}`);
      return inline(target, [...trail, node.$ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, trail)]));
  };
  return inline(schema, []);
}

/**
 * An ajv instance holding every schema, with the custom format checked by `validateTime`.
 * `extra` adds ajv options (the generator adds `code`).
 */
function createAjv(validateTime, extra = {}) {
  const Ajv = require("ajv").default;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  ajv.addFormat(FORMAT_NAME, { type: "string", validate: validateTime });
  ajv.addSchema(readSchema(COMMON_SCHEMA));
  for (const file of Object.values(BODY_SCHEMAS)) ajv.addSchema(readSchema(file));
  return ajv;
}

/** The `$id` of each body schema, keyed by export name. */
function schemaIds() {
  const ids = {};
  for (const [name, file] of Object.entries(BODY_SCHEMAS)) ids[name] = readSchema(file).$id;
  return ids;
}

/**
 * The text of validators.ts: an ES module, so that a bundle puts its functions in the same scope as the
 * rest (a CommonJS module would sit in a wrapper that is parsed again when it runs), and tsc gives it
 * its types.
 */
function generate() {
  const { _ } = require("ajv");
  const standaloneCode = require("ajv/dist/standalone").default;
  // The generated code checks the format with this import; at generation time only its shape matters.
  const formats = _`SCHEMA_FORMATS`;
  const ajv = createAjv(() => true, { code: { source: true, esm: true, formats, lines: true } });
  const code = standaloneCode(ajv, schemaIds());
  return [
    "// @ts-nocheck",
    "/* eslint-disable */",
    "// Generated by scripts/gen-validators.js from schema/*.schema.json with ajv's standalone code; do not edit.",
    "// Regenerate with `node scripts/gen-validators.js` (npm run build does it).",
    'import { SCHEMA_FORMATS } from "../time";',
    code.replace(/^"use strict";\n?/, ""),
    "",
    // The kind -> schema file map, so that validate.ts takes the kinds from here instead of a second list.
    `export const SCHEMA_FILES = ${JSON.stringify(BODY_SCHEMAS)} as const;`,
    "",
  ].join("\n");
}

function main(argv) {
  const text = generate();
  if (argv.includes("--check")) {
    const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${path.relative(ROOT, OUT_FILE)} is stale: run \`node scripts/gen-validators.js\`\n`);
      process.exitCode = 1;
    }
    return;
  }
  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE, "utf8") : "";
  if (current !== text) fs.writeFileSync(OUT_FILE, text);
}

module.exports = { AJV_OPTIONS, BODY_SCHEMAS, COMMON_SCHEMA, FORMAT_NAME, OUT_FILE, createAjv, generate };

if (require.main === module) main(process.argv.slice(2));
