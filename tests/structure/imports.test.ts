/**
 * The library's structure, checked from its imports (madge): no import cycles, and data flowing one way,
 * CLI / Pulumi → entry points → gate → settings → client → model. A module may import its own layer or
 * any layer below it, never one above.
 */
import madge from "madge";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/** Layer of each module, lowest first; the first matching prefix wins. */
const LAYERS: Array<[number, RegExp]> = [
  [0, /^(errors\.ts|model\/)/],
  [1, /^api\//],
  [2, /^(config\/|args\.ts|conditionArgs\.ts|context\.ts)/],
  [3, /^gate\//],
  [4, /^(latest\/|run\/|prepare\.ts|getWorkflowExecution\.ts|[a-zA-Z]+\.ts$)/],
  [5, /^(pulumi\/|cli\/|testing\/|index\.ts)/],
];

function layerOf(file: string): number {
  const hit = LAYERS.find(([, pattern]) => pattern.test(file));
  if (hit === undefined) throw new Error(`${file} belongs to no layer: add it to LAYERS`);
  return hit[0];
}

let graph: Record<string, string[]>;
let circular: string[][];

beforeAll(async () => {
  const result = await madge(path.join(ROOT, "provider"), {
    fileExtensions: ["ts"],
    tsConfig: path.join(ROOT, "tsconfig.json"),
    // Type-only imports count too: they shape the code as much as value imports do.
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  graph = result.obj();
  circular = result.circular();
}, 60_000);

test("provider/ has no import cycles", () => {
  expect(circular).toEqual([]);
});

test("no module imports from a layer above its own", () => {
  const upward: string[] = [];
  for (const [file, deps] of Object.entries(graph)) {
    for (const dep of deps) if (layerOf(dep) > layerOf(file)) upward.push(`${file} -> ${dep}`);
  }
  expect(upward).toEqual([]);
});

test("the graph covers the whole library", () => {
  expect(Object.keys(graph).length).toBeGreaterThan(60);
});
