/**
 * The single owner of schema validation. The validators are ajv's standalone code, generated from the
 * JSON Schemas in schema/ at build time (scripts/gen-validators.js → ./generated/validators.ts), so a read
 * loads no schema compiler: compiling in every fresh process would cost a one-shot CLI read about as much
 * CPU as the rest of it.
 */
import type { ErrorObject } from "ajv";
import * as generated from "./generated/validators";
import { payloadDepthViolations } from "./depth";
import { loadSchema, type SchemaDoc } from "./schemaFiles";
import { toViolations, type SchemaNode, type SchemaViolation } from "./violations";

/** Schema file (in the package's `schema/` directory) of each body kind: the generator's own list. */
export const SCHEMA_FILES = generated.SCHEMA_FILES;

/** Which documented body a value is checked against. */
export type BodyKind = keyof typeof SCHEMA_FILES;

/** Definitions shared by the body schemas, referenced as `common.schema.json#/...`. */
const COMMON_FILE = "common.schema.json";

/** A generated validator: true when `data` conforms; otherwise its `errors` hold the first violation. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const VALIDATORS = generated as unknown as Record<BodyKind, Validator>;

/** Walks a `#/a/b` JSON pointer inside a schema document. */
function walk(doc: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: unknown = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as SchemaNode)[token] : undefined;
  }
  return node && typeof node === "object" ? (node as SchemaNode) : undefined;
}

/**
 * Follows `$ref`s of the forms `#/...` (inside `kind`'s file) and `common.schema.json#/...`. Used only to
 * describe a violation, so the schema files are read from schema/ then, never on a valid body.
 */
function resolverFor(kind: BodyKind) {
  const docs = new Map<string, SchemaDoc>();
  const doc = (file: string): SchemaDoc => {
    let d = docs.get(file);
    if (!d) docs.set(file, (d = loadSchema(file)));
    return d;
  };
  return (node: SchemaNode): SchemaNode | undefined => {
    for (let i = 0; i < 8 && typeof node.$ref === "string"; i++) {
      const [file, pointer = ""] = node.$ref.split("#");
      const target = file === "" ? doc(SCHEMA_FILES[kind]) : file === COMMON_FILE ? doc(COMMON_FILE) : undefined;
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
  const validate = VALIDATORS[kind];
  if (validate(body)) return kind === "execution" ? payloadDepthViolations(body) : [];
  return toViolations(validate.errors ?? [], resolverFor(kind));
}
