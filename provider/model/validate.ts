/**
 * The single owner of ajv. Schemas are compiled once, on first use: requiring this module loads neither
 * ajv nor a schema, so `require("fgs-workflow-gate")` stays fast and programs that never read an
 * execution never pay for compilation.
 */
import type AjvClass from "ajv";
import type { SchemaObject, ValidateFunction } from "ajv";
import type { SchemaViolation } from "./violations";
import { loadSchema, type SchemaDoc } from "./schemaFiles";
import { payloadDepthViolations } from "./depth";
import { isRealTime } from "./time";
import { toViolations, type SchemaNode } from "./violations";

/** Which documented body a value is checked against. */
export type BodyKind = "execution" | "error" | "workflowList" | "executionList" | "iamProjects";

/** Schema file (in the package's `schema/` directory) of each body kind. */
export const SCHEMA_FILES: Readonly<Record<BodyKind, string>> = {
  execution: "workflow-execution.schema.json",
  error: "error.schema.json",
  workflowList: "workflow-list.schema.json",
  executionList: "execution-list.schema.json",
  iamProjects: "iam-projects.schema.json",
};

/** Definitions shared by the body schemas; added to ajv before any of them is compiled. */
const COMMON_FILE = "common.schema.json";

interface Compiled {
  validate: ValidateFunction;
  doc: SchemaDoc;
}

let ajv: AjvClass | undefined;
let common: SchemaDoc | undefined;
const cache = new Map<BodyKind, Compiled>();

function getAjv(): AjvClass {
  if (ajv) return ajv;
  // Loaded here, not at the top, to keep ajv out of the package's import cost.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require("ajv") as { default: typeof AjvClass }).default;
  const instance = new Ajv({
    allErrors: false, // stop at the first violation: a bad body is rejected anyway, and this is cheaper
    strict: true, // typos in a schema fail compilation instead of silently validating nothing
    allowUnionTypes: true, // ["object","null"] is how null tolerance is written
    verbose: true, // errors carry their parent schema, whose title is the "expected" text
    // Checking our own fixed schemas against the draft-07 meta-schema cost ~20 ms of every cold start;
    // tests/model/schemas.test.ts does that check once instead. Strict mode still rejects unknown keywords.
    validateSchema: false,
  });
  // The utcTime schema checks its pattern before this format, so the format only adds the calendar check.
  instance.addFormat("fgs-utc-time", { type: "string", validate: isRealTime });
  common = loadSchema(COMMON_FILE);
  instance.addSchema(common as SchemaObject);
  ajv = instance;
  return instance;
}

function compiled(kind: BodyKind): Compiled {
  let c = cache.get(kind);
  if (!c) {
    const a = getAjv();
    const doc = loadSchema(SCHEMA_FILES[kind]);
    c = { validate: a.compile(doc as SchemaObject), doc };
    cache.set(kind, c);
  }
  return c;
}

/** Walks a `#/a/b` JSON pointer inside a schema document. */
function walk(doc: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: unknown = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as SchemaNode)[token] : undefined;
  }
  return node && typeof node === "object" ? (node as SchemaNode) : undefined;
}

/** Follows `$ref`s of the forms `#/...` (same file) and `common.schema.json#/...`. */
function resolverFor(doc: SchemaDoc) {
  return (node: SchemaNode): SchemaNode | undefined => {
    for (let i = 0; i < 8 && typeof node.$ref === "string"; i++) {
      const [file, pointer = ""] = node.$ref.split("#");
      const target = file === "" ? doc : file === COMMON_FILE ? common : undefined;
      const next = target ? walk(target as SchemaNode, pointer) : undefined;
      if (!next) return undefined;
      node = next;
    }
    return node;
  };
}

/**
 * Checks `body` against the schema of `kind`. Returns `[]` when it conforms, otherwise the violation(s)
 * found, each with the JSON pointer of the offending value (for a missing property, the pointer the
 * property would have) and what was expected. Validation stops at the first problem, so there is
 * normally one violation. Execution payloads must also nest at most MAX_PAYLOAD_DEPTH levels (./depth).
 */
export function validateBody(kind: BodyKind, body: unknown): SchemaViolation[] {
  const c = compiled(kind);
  if (c.validate(body)) return kind === "execution" ? payloadDepthViolations(body) : [];
  return toViolations(c.validate.errors ?? [], resolverFor(c.doc));
}

/**
 * Compiles the validators of `kinds` (default: all) now instead of on first use. Optional: lets a caller
 * pay the one-off cost (ajv load + compile, ~50 ms for all kinds) before a deadline-sensitive read, and lets
 * benchmarks measure steady-state reads.
 */
export function precompileValidators(kinds: readonly BodyKind[] = Object.keys(SCHEMA_FILES) as BodyKind[]): void {
  for (const kind of kinds) compiled(kind);
}
