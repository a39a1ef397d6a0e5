/**
 * `uses:` runs the repository's files at a ref as they are, with no install and no build: the committed
 * action/dist/index.js must be exactly what action/build.js makes from the current sources, and
 * action.yml must point at it and declare every input the entry reads.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { ROOT } from "./runner";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOptions, OUT_FILE } = require(path.join(ROOT, "action", "build.js")) as { buildOptions: () => esbuild.BuildOptions; OUT_FILE: string };

test("the committed bundle matches a fresh build of the sources (run `node action/build.js` after changing them)", async () => {
  const fresh = await esbuild.build({ ...buildOptions(), write: false });
  const built = fresh.outputFiles?.[0]?.text;
  expect(built).toBeDefined();
  expect(readFileSync(OUT_FILE, "utf8") === built).toBe(true);
}, 60_000);

const actionYml = readFileSync(path.join(ROOT, "action.yml"), "utf8");

/** The names declared under a top-level key of action.yml (two-space indented keys). */
function declared(section: string): string[] {
  const body = actionYml.split(new RegExp(`^${section}:\\n`, "m"))[1]?.split(/^\S/m)[0] ?? "";
  return [...body.matchAll(/^ {2}([a-z-]+):/gm)].map((m) => m[1] as string);
}

test("action.yml runs the committed bundle on node24", () => {
  expect(actionYml).toMatch(/^runs:\n {2}using: node24\n {2}main: action\/dist\/index\.js$/m);
});

test("every input the entry reads is declared, and every declared input is read", () => {
  const source = readFileSync(path.join(ROOT, "action", "inputs.ts"), "utf8");
  const quoted = new Set([...source.matchAll(/"([a-z]+(?:-[a-z]+)*)"/g)].map((m) => m[1] as string));
  const inputs = declared("inputs");
  expect(inputs).toEqual(expect.arrayContaining(["command", "workflow-id", "workflow-name", "execution-id", "require", "timeout", "since", "not-before", "max-age", "input", "sync", "require-node", "condition", "mode"]));
  for (const name of inputs) expect([name, quoted.has(name)]).toEqual([name, true]);
});

test("the outputs are verdict, execution-id, status and reason", () => {
  expect(declared("outputs")).toEqual(["verdict", "execution-id", "status", "reason"]);
});
