/**
 * The single owner of schema validation. The validators are ajv's standalone code, generated from the
 * JSON Schemas in schema/ at build time (scripts/gen-validators.js → ./generated/validators.ts), so a read
 * loads no schema compiler: compiling in every fresh process would cost a one-shot CLI read about as much
 * CPU as the rest of it.
 */
import type { ErrorObject } from "ajv";
import * as generated from "./generated/validators";
import { payloadDepthViolations } from "./depth";
import { unescapeToken } from "./jsonPointer";
import { loadSchema } from "./schemaFiles";
import { toViolations, type SchemaLookup, type SchemaNode, type SchemaViolation } from "./violations";

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

/**
 * Walks a `#/a/b` JSON pointer inside a schema document. The generated code has a file's own
 * `#/definitions/...` references written in place (scripts/gen-validators.js), so its paths go through
 * them: a `$ref` met on the way is followed.
 */
function walk(doc: SchemaNode, pointer: string, follow: (node: SchemaNode) => SchemaNode | undefined): SchemaNode | undefined {
  let node: SchemaNode | undefined = doc;
  const followed = (n: SchemaNode | undefined) => (n !== undefined && typeof n.$ref === "string" ? follow(n) : n);
  for (const raw of pointer.split("/").slice(1)) {
    const next: unknown = followed(node)?.[unescapeToken(raw)];
    node = next !== null && typeof next === "object" ? (next as SchemaNode) : undefined;
  }
  return followed(node);
}

/**
 * The schemas of `kind` as files, to describe a violation: read from schema/ only when a body was
 * rejected, never on a valid one. References take the forms `#/...` (inside `kind`'s file) and
 * `common.schema.json#/...`. Describing is best effort: a schema that cannot be read leaves the
 * generic wording, and the rejection stands.
 */
export function schemaLookup(kind: BodyKind): SchemaLookup {
  const docs = new Map<string, SchemaNode | undefined>();
  const nodeAt = (ref: string): SchemaNode | undefined => {
    const [file = "", pointer = ""] = ref.split("#");
    const name = file === "" ? SCHEMA_FILES[kind] : file === COMMON_FILE ? COMMON_FILE : undefined;
    if (name === undefined) return undefined;
    if (!docs.has(name)) {
      try {
        docs.set(name, loadSchema(name) as SchemaNode);
      } catch {
        docs.set(name, undefined);
      }
    }
    const doc = docs.get(name);
    return doc ? walk(doc, pointer, resolve) : undefined;
  };
  // Chains of references are short in these schemas; the bound only stops a cycle.
  const resolve = (node: SchemaNode): SchemaNode | undefined => {
    let n: SchemaNode | undefined = node;
    for (let i = 0; i < 8 && n !== undefined && typeof n.$ref === "string"; i++) n = nodeAt(n.$ref);
    return n;
  };
  return {
    // The path ends with the keyword that failed; its parent is the subschema that holds it.
    parentOf: (schemaPath) => nodeAt(schemaPath.slice(0, Math.max(0, schemaPath.lastIndexOf("/")))),
    resolve,
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
  return toViolations(validate.errors ?? [], schemaLookup(kind));
}
