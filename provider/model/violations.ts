/**
 * Turns ajv errors into `SchemaViolation`s: the JSON pointer of the offending value and what was expected
 * in plain words. Schema `title`s are written to be that phrase, so patterns and formats are explained by
 * the schema itself rather than by a regex dump.
 */
import type { ErrorObject } from "ajv";
import { escapeToken } from "./jsonPointer";

/** One schema violation: where (JSON pointer into the body) and what was expected. */
export interface SchemaViolation {
  pointer: string;
  expected: string;
}

/** A (sub)schema as plain JSON. */
export type SchemaNode = { [keyword: string]: unknown };

/** Reads the schemas behind a failed validation (only ever on a rejected body). */
export interface SchemaLookup {
  /** The subschema whose keyword failed, found by the error's `schemaPath` (e.g. `common.schema.json#/definitions/status/enum`). */
  parentOf(schemaPath: string): SchemaNode | undefined;
  /** Follows a `$ref` of a subschema to its target; used to describe a missing property. */
  resolve(node: SchemaNode): SchemaNode | undefined;
}

const ARTICLE: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

/** `"string"` → `a string`; `["object","null"]` → `an object or null`. */
export function describeTypes(type: unknown): string {
  const list = Array.isArray(type) ? type : typeof type === "string" ? type.split(",") : [];
  if (list.length === 0) return "a value";
  return list.map((t) => ARTICLE[String(t)] ?? String(t)).join(" or ");
}

function titleOf(node: unknown): string | undefined {
  const t = (node as SchemaNode | undefined)?.title;
  return typeof t === "string" ? t : undefined;
}

function one(e: ErrorObject, schemas: SchemaLookup): SchemaViolation {
  const p = e.params as Record<string, unknown>;
  const parent = schemas.parentOf(e.schemaPath) ?? {};
  switch (e.keyword) {
    case "required": {
      const name = String(p.missingProperty);
      const props = (parent.properties ?? {}) as Record<string, SchemaNode>;
      const target = props[name] ? schemas.resolve(props[name]) : undefined;
      return { pointer: `${e.instancePath}/${escapeToken(name)}`, expected: `${describeTypes(target?.type)} (required)` };
    }
    case "type":
      return {
        pointer: e.instancePath,
        expected: Array.isArray(parent.enum) ? `one of ${parent.enum.join(", ")}` : describeTypes(p.type),
      };
    case "enum":
      return { pointer: e.instancePath, expected: `one of ${(p.allowedValues as unknown[]).join(", ")}` };
    case "pattern":
    case "format":
      return { pointer: e.instancePath, expected: titleOf(parent) ?? `a string matching ${String(p.pattern ?? p.format)}` };
    case "minLength":
    case "maxLength": {
      const n = Number(p.limit);
      const bound = e.keyword === "minLength" ? "at least" : "at most";
      return { pointer: e.instancePath, expected: `a string of ${bound} ${n} character${n === 1 ? "" : "s"}` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        pointer: e.instancePath,
        expected: titleOf(parent) ?? `${describeTypes(parent.type)} ${String(p.comparison)} ${String(p.limit)}`,
      };
    case "minItems":
    case "maxItems":
      return {
        pointer: e.instancePath,
        expected: titleOf(parent) ?? `an array of ${e.keyword === "minItems" ? "at least" : "at most"} ${String(p.limit)} items`,
      };
    default:
      return { pointer: e.instancePath, expected: titleOf(parent) ?? `a value valid for ${e.keyword}` };
  }
}

/**
 * Converts the errors of one failed validation. When an `anyOf`/`oneOf` failed, its branch errors are
 * noise (each branch's own complaint); only the combined error, explained by the schema title, is kept.
 */
export function toViolations(errors: readonly ErrorObject[], schemas: SchemaLookup): SchemaViolation[] {
  const combined = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const chosen = combined.length > 0 ? combined : errors;
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const e of chosen) {
    const v = one(e, schemas);
    const key = `${v.pointer}\u0000${v.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
