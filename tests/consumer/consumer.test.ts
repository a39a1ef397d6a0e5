/**
 * Consumer smoke tests: the `npm pack` tarball installed into fresh projects, one per module setting a user
 * may have (ESM with nodenext, CommonJS with node10 as in Pulumi's template, bundler, and a plain Node
 * project without @pulumi/pulumi), each compiled without skipLibCheck, then run with node where it emits.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { createProject, node, pack, tempRoot, tsc, type Packed } from "./harness";
import { PULUMI_TYPES, PULUMI_VALUES, ROOT_TYPES, ROOT_VALUES, TESTING_TYPES, TESTING_VALUES } from "./surface";

jest.setTimeout(180_000);

let root: string;
let packed: Packed;

beforeAll(() => {
  root = tempRoot();
  packed = pack(root);
});
afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const sorted = (names: string[]) => [...names].sort();

test("the tarball ships the entry points, and no source maps, demo, tests or benchmarks", () => {
  const files = packed.files;
  for (const entry of ["dist/index.js", "dist/lib.js", "dist/pulumi-lib.js", "dist/provider/index.d.ts", "dist/provider/pulumi/index.d.ts"]) {
    expect(files).toContain(entry);
  }
  for (const entry of ["dist/emulator/index.d.ts", "dist/runtime.js", "dist/pulumi.js", "dist/testing.js", "dist/cli.js", "bin/fgs-execution.js", "LICENSE"]) {
    expect(files).toContain(entry);
  }
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  expect(files.filter((f) => /^dist\/(demo|tests|bench)\//.test(f))).toEqual([]);
  // One copy of the library's code (dist/lib.js): a second, loadable one could split error classes.
  expect(files.filter((f) => /^dist\/provider\/.*\.js$/.test(f))).toEqual([]);
});

describe("ESM project (type: module, moduleResolution nodenext)", () => {
  let dir: string;
  beforeAll(() => {
    dir = createProject(root, packed.tarball, {
      name: "esm-nodenext",
      type: "module",
      pulumi: true,
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", outDir: "dist", rootDir: "src" },
      sources: ["root.ts", "pulumi.ts"],
    });
    tsc(dir);
  });

  test("every export of each entry point is importable by name", () => {
    for (const entry of ["fgs-workflow-gate", "fgs-workflow-gate/pulumi", "fgs-workflow-gate/emulator", "fgs-workflow-gate/testing"]) {
      const names = JSON.parse(node(dir, ["--input-type=commonjs", "-e", `console.log(JSON.stringify(Object.keys(require("${entry}"))))`]));
      const script = `import { ${names.join(", ")} } from "${entry}"; console.log([${names.join(", ")}].filter((v) => v === undefined).length);`;
      expect(node(dir, ["--input-type=module", "-e", script]).trim()).toBe("0");
    }
  });

  test("the main entry point, with the emulator", () => {
    expect(node(dir, ["dist/root.js"])).toContain("root ok");
  });

  test("the Pulumi entry point under setMocks", () => {
    expect(node(dir, ["dist/pulumi.js"])).toContain("pulumi ok");
  });
});

describe("CommonJS project (moduleResolution node10, Pulumi's template)", () => {
  let dir: string;
  beforeAll(() => {
    dir = createProject(root, packed.tarball, {
      name: "cjs-node10",
      pulumi: true,
      compilerOptions: { target: "ES2022", module: "CommonJS", moduleResolution: "node10", esModuleInterop: true, outDir: "dist", rootDir: "src" },
      sources: ["root.ts", "pulumi.ts"],
    });
    tsc(dir);
  });

  test("the runtime exports are exactly the public surface", () => {
    const keys = (entry: string) => JSON.parse(node(dir, ["-e", `console.log(JSON.stringify(Object.keys(require("${entry}"))))`]));
    expect(sorted(keys("fgs-workflow-gate"))).toEqual(sorted(ROOT_VALUES));
    expect(sorted(keys("fgs-workflow-gate/pulumi"))).toEqual(sorted(PULUMI_VALUES));
    expect(sorted(keys("fgs-workflow-gate/testing"))).toEqual(sorted(TESTING_VALUES));
  });

  test("copying every export of the main entry point does not load @pulumi/pulumi", () => {
    const script = 'const all = { ...require("fgs-workflow-gate") }; console.log(Object.keys(require.cache).filter((k) => k.includes("@pulumi")).length, Object.keys(all).length);';
    expect(node(dir, ["-e", script]).trim()).toBe(`0 ${ROOT_VALUES.length}`);
  });

  test("the main entry point, with the emulator", () => {
    expect(node(dir, ["dist/root.js"])).toContain("root ok");
  });

  test("the Pulumi entry point under setMocks", () => {
    expect(node(dir, ["dist/pulumi.js"])).toContain("pulumi ok");
  });
});

test("bundler project (moduleResolution bundler) type-checks", () => {
  const dir = createProject(root, packed.tarball, {
    name: "bundler",
    pulumi: true,
    compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", noEmit: true },
    sources: ["root.ts", "pulumi.ts"],
  });
  expect(() => tsc(dir)).not.toThrow();
});

describe("plain Node project without @pulumi/pulumi (node16, no skipLibCheck)", () => {
  let dir: string;
  beforeAll(() => {
    dir = createProject(root, packed.tarball, {
      name: "plain-node16",
      pulumi: false,
      compilerOptions: { target: "ES2022", module: "Node16", moduleResolution: "Node16", outDir: "dist", rootDir: "src" },
      sources: ["root.ts"],
    });
  });

  test("@pulumi/pulumi is not installed, and the project compiles", () => {
    expect(() => node(dir, ["-e", 'require.resolve("@pulumi/pulumi")'])).toThrow(/Cannot find module/);
    expect(() => tsc(dir)).not.toThrow();
  });

  test("the main entry point runs", () => {
    expect(node(dir, ["dist/root.js"])).toContain("root ok");
  });

  test("the fgs-execution command runs from the installed package", () => {
    expect(node(dir, ["node_modules/.bin/fgs-execution", "--help"])).toMatch(/fgs-execution/);
  });

  test("the declarations export exactly the public surface", () => {
    const exportsOf = (file: string) => {
      // Names only: no lib and no @types are needed to list a module's exports.
      const program = ts.createProgram([file], { noLib: true, types: [] });
      const checker = program.getTypeChecker();
      const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      return checker.getExportsOfModule(moduleSymbol).map((s) => s.name);
    };
    const pkg = path.join(dir, "node_modules/fgs-workflow-gate/dist/provider");
    expect(sorted(exportsOf(path.join(pkg, "index.d.ts")))).toEqual(sorted([...ROOT_VALUES, ...ROOT_TYPES]));
    expect(sorted(exportsOf(path.join(pkg, "pulumi/index.d.ts")))).toEqual(sorted([...PULUMI_VALUES, ...PULUMI_TYPES]));
    expect(sorted(exportsOf(path.join(pkg, "testing/index.d.ts")))).toEqual(sorted([...TESTING_VALUES, ...TESTING_TYPES]));
  });
});
