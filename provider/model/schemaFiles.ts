/**
 * Finds and reads the JSON Schemas in the package's `schema/` directory. The directory sits at the package
 * root and is shipped as is, while this file runs from `provider/model/` (source, ts-jest) or
 * `dist/provider/model/` (build), so the root is found by walking up rather than by a fixed `../..`.
 */
import * as fs from "fs";
import * as path from "path";

/** A file every schema directory of this package contains; used to recognise the right `schema/`. */
const MARKER = "common.schema.json";

/** A parsed JSON Schema document (only the parts the validation module reads are typed). */
export interface SchemaDoc {
  $id: string;
  title?: string;
  [keyword: string]: unknown;
}

/**
 * The nearest `<ancestor>/schema` directory (starting at `startDir` itself) that contains the schemas.
 * Throws when there is none, which means the package was installed without its `schema/` folder.
 */
export function findSchemaDir(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, "schema");
    if (fs.existsSync(path.join(candidate, MARKER))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`fgs-workflow-gate: schema/${MARKER} not found above ${startDir}`);
    dir = parent;
  }
}

let cachedDir: string | undefined;

/** Reads and parses one schema file of the package (e.g. `workflow-execution.schema.json`). */
export function loadSchema(file: string): SchemaDoc {
  cachedDir ??= findSchemaDir();
  return JSON.parse(fs.readFileSync(path.join(cachedDir, file), "utf8")) as SchemaDoc;
}
