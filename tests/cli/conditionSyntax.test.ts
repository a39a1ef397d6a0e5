/**
 * The `--condition` syntax and `--require-node` (issue 18): every form that parses, into the library's
 * Condition shape, and each kind of mistake with the column it names.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseCommandLine } from "../../provider/cli/args";
import { ConditionSyntaxError, parseCondition } from "../../provider/cli/conditionSyntax";
import { parseRequireNodes } from "../../provider/cli/gateFlags";

describe("valid forms", () => {
  test.each([
    ['output:/verdict == "ok"', { source: "output", path: "/verdict", equals: "ok" }],
    ["node[integration-tests]:/failed <= 0", { source: { node: "integration-tests" }, path: "/failed", lte: 0 }],
    ['output:/stage in ["canary","ga"]', { source: "output", path: "/stage", in: ["canary", "ga"] }],
    ["output:/report exists", { source: "output", path: "/report", exists: true }],
    ["output:/report exists false", { source: "output", path: "/report", exists: false }],
    ["input:/x != 1", { source: "input", path: "/x", notEquals: 1 }],
    ['output:/label matches "^v[0-9]+"', { source: "output", path: "/label", matches: "^v[0-9]+" }],
    ["output:/n < 3", { source: "output", path: "/n", lt: 3 }],
    ["output:/n > -1.5", { source: "output", path: "/n", gt: -1.5 }],
    ["output:/n >= 1e3", { source: "output", path: "/n", gte: 1000 }],
    ['output: == {"a":[1,null]}', { source: "output", path: "", equals: { a: [1, null] } }],
    ['output:"/a b" == null', { source: "output", path: "/a b", equals: null }],
    ["output:/a~1b/0 == 2", { source: "output", path: "/a~1b/0", equals: 2 }],
    ["node[a]b]:/x == 1", { source: { node: "a]b" }, path: "/x", equals: 1 }],
    ['  output:/x   ==   "two  spaces"  ', { source: "output", path: "/x", equals: "two  spaces" }],
  ])("%s", (text, expected) => {
    expect(parseCondition(text)).toEqual(expected);
  });
});

describe("invalid forms name the column", () => {
  test.each([
    ["outpt:/x == 1", 1, /expected a source/],
    ["node[x:/a == 1", 6, /expected "\]:" after the node name/],
    ["node[]:/a == 1", 6, /the node name is empty/],
    ["output:x == 1", 8, /a JSON Pointer starts with "\/"/],
    ['output:"/x == 1', 8, /the quoted pointer has no closing quote/],
    ['output:"/x"== 1', 12, /expected a space after the pointer/],
    ["output:/x", 10, /expected an operator after the pointer/],
    // The pointer ends at white space only, so an operator written without spaces is part of it.
    ["output:/flag==true", 19, /expected an operator after the pointer/],
    ["output:/x = 1", 11, /expected an operator \(==, !=/],
    ["output:/x includes 1", 11, /expected an operator/],
    ["output:/x ==", 13, /expected a JSON value/],
    ["output:/x == ok", 14, /the value is not valid JSON/],
    ["output:/x == 'ok'", 14, /strings need double quotes/],
    ['output:/x == "ok" extra', 19, /the value is not valid JSON/],
    ['output:/x < "3"', 13, /compare numbers/],
    ['output:/x in "a"', 14, /in needs a JSON list/],
    ["output:/x matches 3", 19, /matches needs a JSON string/],
    ["output:/x exists 1", 18, /exists takes nothing, or true or false/],
  ])("%s → column %d", (text, column, problem) => {
    let error: unknown;
    try {
      parseCondition(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConditionSyntaxError);
    expect((error as ConditionSyntaxError).column).toBe(column);
    expect((error as ConditionSyntaxError).message).toMatch(problem);
  });

  test("on the command line: a usage error naming the flag, its occurrence and the column", () => {
    const argv = ["wait", "--workflow-id", "w", "--execution-id", "e", "--condition", "output:/a == 1", "--condition", "output:/b = 2"];
    expect(() => parseCommandLine(argv)).toThrow(/^--condition #2 "output:\/b = 2": column 11: expected an operator/);
    try {
      parseCommandLine(argv);
    } catch (e) {
      expect((e as { code: string }).code).toBe("FGS_USAGE");
    }
  });
});

describe("--require-node", () => {
  test("names alone are a list; any status makes an object, the others requiring success", () => {
    expect(parseRequireNodes(["build", "unit-tests"], "wait")).toEqual(["build", "unit-tests"]);
    expect(parseRequireNodes(["build", "canary=success,fail"], "wait")).toEqual({ build: "success", canary: ["success", "fail"] });
    expect(parseRequireNodes(["a=b=timeout"], "wait")).toEqual({ "a=b": ["timeout"] });
    expect(parseRequireNodes(["x=Y Z"], "wait")).toEqual(["x=Y Z"]);
    expect(parseRequireNodes([], "wait")).toBeUndefined();
  });

  test("a repeated name or an empty one is a usage error", () => {
    expect(() => parseRequireNodes(["a", "a=fail"], "wait")).toThrow(/names the node "a" twice/);
    expect(() => parseRequireNodes(["=success"], "wait")).toThrow(/needs a node name/);
  });

  test("repeated flags keep each value whole (commas belong to the statuses)", () => {
    const parsed = parseCommandLine(["wait", "--workflow-id", "w", "--execution-id", "e", "--require-node", "a=success,fail", "--require-node", "b"]);
    expect(parsed.kind === "run" && parsed.options.requireNodes).toEqual({ a: ["success", "fail"], b: "success" });
  });
});

describe("--conditions-file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "fgs-cond-"));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const wait = (...more: string[]) => ["wait", "--workflow-id", "w", "--execution-id", "e", ...more];

  test("its conditions come first, then those of --condition", () => {
    const f = file("ok.json", JSON.stringify([{ source: "output", path: "/a", equals: 1, onMissing: "inconclusive" }]));
    const parsed = parseCommandLine(wait("--conditions-file", f, "--condition", "output:/b exists"));
    expect(parsed.kind === "run" && parsed.options.conditions).toEqual([
      { source: "output", path: "/a", equals: 1, onMissing: "inconclusive" },
      { source: "output", path: "/b", exists: true },
    ]);
  });

  test.each([
    ["not JSON", "[{", /--conditions-file file .* is not valid JSON at line 1/],
    ["not a list", "{}", /must hold a JSON list of conditions/],
    ["an item that is not an object", "[1]", /item 0 must be a JSON object/],
  ])("%s: a usage error", (_, text, message) => {
    const f = file(`${text.length}.json`, text);
    expect(() => parseCommandLine(wait("--conditions-file", f))).toThrow(message);
  });

  test("a missing file", () => {
    expect(() => parseCommandLine(wait("--conditions-file", path.join(dir, "none.json")))).toThrow(/cannot read the file .* \(ENOENT\)/);
  });
});
