/**
 * The schema files themselves: where they are found (source and build layouts), their metadata, their
 * agreement with the TypeScript constants, and that validating never loads ajv's compiler.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { findSchemaDir, loadSchema } from "../../provider/model/schemaFiles";
import { ALL_STATUSES } from "../../provider/model/types";
import { SCHEMA_FILES, validateBody } from "../../provider/model/validate";

const ROOT = path.resolve(__dirname, "..", "..");
const FILES = fs.readdirSync(path.join(ROOT, "schema")).filter((f) => f.endsWith(".schema.json"));

describe("schema location", () => {
  it("is found from the source directory and from the build's deeper directory", () => {
    expect(findSchemaDir(path.join(ROOT, "provider", "model"))).toBe(path.join(ROOT, "schema"));
    expect(findSchemaDir(path.join(ROOT, "dist", "provider", "model"))).toBe(path.join(ROOT, "schema"));
  });

  it("works in an installed-package layout (dist/ next to schema/) and fails clearly without schemas", () => {
    const pkg = fs.mkdtempSync(path.join(os.tmpdir(), "fgs-schema-"));
    try {
      fs.mkdirSync(path.join(pkg, "dist", "provider", "model"), { recursive: true });
      fs.cpSync(path.join(ROOT, "schema"), path.join(pkg, "schema"), { recursive: true });
      expect(findSchemaDir(path.join(pkg, "dist", "provider", "model"))).toBe(path.join(pkg, "schema"));
      fs.rmSync(path.join(pkg, "schema"), { recursive: true });
      expect(() => findSchemaDir(path.join(pkg, "dist", "provider", "model"))).toThrow(/common\.schema\.json not found/);
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
  });
});

describe("schema files", () => {
  it("covers every body kind with an existing file", () => {
    for (const file of Object.values(SCHEMA_FILES)) expect(FILES).toContain(file);
  });

  it.each(FILES)("%s declares draft-07, a matching $id, a title and a description", (file) => {
    const doc = loadSchema(file);
    expect(doc.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(doc.$id.endsWith(`/schema/${file}`)).toBe(true);
    expect(typeof doc.title).toBe("string");
    expect(typeof doc.description).toBe("string");
  });

  it("uses exactly the nine statuses of types.ts", () => {
    const defs = loadSchema("common.schema.json").definitions as Record<string, { enum?: string[] }>;
    expect([...defs.status.enum!].sort()).toEqual([...ALL_STATUSES].sort());
  });

  it.each(FILES)("%s is a valid draft-07 schema", (file) => {
    const meta = new Ajv({ strict: true, allowUnionTypes: true });
    expect(meta.validateSchema(loadSchema(file))).toBe(true);
    expect(meta.errors ?? null).toBeNull();
  });

  it("has a generated validator for every kind", () => {
    for (const kind of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) expect(validateBody(kind, null).length).toBeGreaterThan(0);
  });
});

describe("run-time cost", () => {
  it("validates valid and invalid bodies of every kind without loading ajv's compiler", () => {
    jest.isolateModules(() => {
      jest.doMock("ajv", () => {
        throw new Error("ajv's compiler was loaded");
      });
      const validate = require("../../provider/model/validate") as typeof import("../../provider/model/validate");
      expect(validate.validateBody("iamProjects", { projects: [] })).toEqual([]);
      for (const kind of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) {
        expect(validate.validateBody(kind, { unexpected: true }).length).toBeGreaterThan(0);
      }
    });
    jest.dontMock("ajv");
  });

  it("the generated code needs only ajv's small run-time helpers and the time format", () => {
    const text = fs.readFileSync(path.join(ROOT, "provider", "model", "generated", "validators.ts"), "utf8");
    const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const id of required) expect(id).toMatch(/^(ajv\/dist\/runtime\/[a-z0-9]+|\.\.\/time)$/);
  });
});
