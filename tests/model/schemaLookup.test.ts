/**
 * Violations are described from the schema files, found again by each error's schemaPath (the generated
 * validators carry no messages and no schema objects). Every path the generated code can report must
 * lead to the subschema that holds the failing keyword, through the references the generator inlined.
 */
import * as fs from "fs";
import * as path from "path";
import { SCHEMA_FILES, schemaLookup, validateBody, type BodyKind } from "../../provider/model/validate";

const GENERATED = path.resolve(__dirname, "..", "..", "provider", "model", "generated", "validators.ts");

/** The schemaPaths in the code of each kind's validator (the file lists kinds as `export const kind = validateN;`). */
function pathsByKind(): Map<BodyKind, string[]> {
  const text = fs.readFileSync(GENERATED, "utf8");
  const out = new Map<BodyKind, string[]>();
  const sections = text.split(/^export const (\w+) = validate\d+;$/m);
  for (let i = 1; i + 1 < sections.length; i += 2) {
    const kind = sections[i] as BodyKind;
    out.set(kind, [...(sections[i + 1] as string).matchAll(/schemaPath:"([^"]+)"/g)].map((m) => m[1] as string));
  }
  return out;
}

test("every schemaPath of every validator leads to the subschema holding its keyword", () => {
  const byKind = pathsByKind();
  expect([...byKind.keys()].sort()).toEqual(Object.keys(SCHEMA_FILES).sort());
  let checked = 0;
  for (const [kind, paths] of byKind) {
    expect(paths.length).toBeGreaterThan(0);
    const lookup = schemaLookup(kind);
    for (const schemaPath of paths) {
      const keyword = schemaPath.slice(schemaPath.lastIndexOf("/") + 1);
      const parent = lookup.parentOf(schemaPath);
      expect({ kind, schemaPath, holds: parent !== undefined && keyword in parent }).toEqual({ kind, schemaPath, holds: true });
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(100);
});

test("a violation inside a file's own definition is described by that definition", () => {
  const urn = "urn:fss:cn-north-4:p:workflow:default:w:latest";
  expect(validateBody("workflowList", { workflows: [{ id: "w", workflow_urn: urn }] })).toEqual([{ pointer: "/workflows/0/name", expected: "a string (required)" }]);
  expect(validateBody("executionList", { executions: [{ workflow_id: "w", workflow_urn: urn, execution_id: "e", status: "nope" }] })).toEqual([
    { pointer: "/executions/0/status", expected: expect.stringMatching(/^one of success, fail, /) },
  ]);
});

test("a path the files do not hold leaves the generic wording instead of failing", () => {
  const lookup = schemaLookup("execution");
  expect(lookup.parentOf("#/properties/no_such/type")).toBeUndefined();
  expect(lookup.parentOf("other.schema.json#/definitions/x/type")).toBeUndefined();
  expect(lookup.resolve({ $ref: "#/definitions/missing" })).toBeUndefined();
});
