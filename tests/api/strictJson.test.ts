/** The structure check that runs before a body is parsed: repeated keys and runaway nesting. */
import fc from "fast-check";
import { checkJsonStructure, MAX_BODY_DEPTH, parseStrict, StructureError } from "../../provider/api/strictJson";

function problemOf(text: string) {
  try {
    parseStrict(text);
    return undefined;
  } catch (e) {
    if (e instanceof StructureError) return e.problem;
    throw e;
  }
}

test.each([
  ['{"status":"fail","a":1,"status":"success"}', "/status"],
  ['{"n":[{"x":{"k":1,"k":2}}]}', "/n/0/x/k"],
  ['{"status":"fail","st\\u0061tus":"success"}', "/status"],
  ['{"a~b/c":1,"a~b/c":2}', "/a~0b~1c"],
  ['[{},{"id":1,"id":1}]', "/1/id"],
])("%s repeats a key at %s", (text, pointer) => {
  expect(problemOf(text)).toEqual({ pointer, expected: "each key at most once in an object" });
});

test.each([
  '{"a":{"k":1},"b":{"k":1}}',
  '{"k":{"k":{"k":1}}}',
  '{"s":"a \\" , \\"s\\": { [ ] }","t":"\\\\"}',
  '{"a":[1,2,{"a":3}],"b":"{\\"a\\":1,\\"a\\":2}"}',
  '{"":1," ":2}',
])("%s has no repeated key", (text) => {
  expect(problemOf(text)).toBeUndefined();
});

test("a repeated key is found whatever the whitespace around its colon", () => {
  expect(problemOf('{ "a" : 1 ,\n "a"\t:\r\n2 }')?.pointer).toBe("/a");
});

test("nesting is bounded for the whole body, arrays and objects alike", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  expect(checkJsonStructure(deep(MAX_BODY_DEPTH)).problem).toBeUndefined();
  expect(checkJsonStructure(deep(MAX_BODY_DEPTH + 1)).problem?.expected).toMatch(/nested at most 160 levels/);
  const objects = '{"a":'.repeat(MAX_BODY_DEPTH + 1) + "1" + "}".repeat(MAX_BODY_DEPTH + 1);
  expect(checkJsonStructure(objects).problem?.pointer).toBe("/a".repeat(MAX_BODY_DEPTH));
  // A hostile body is refused on the way in, without being parsed.
  expect(checkJsonStructure(deep(2_000_000)).problem).toBeDefined();
});

test("escapes are reported, so escaped text is always scrubbed as values", () => {
  expect(checkJsonStructure('{"a":"plain"}').escapes).toBe(false);
  expect(checkJsonStructure('{"a":"\\u0041"}').escapes).toBe(true);
});

test("any JSON value JSON.stringify makes has no problem, and malformed text never throws", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      expect(problemOf(JSON.stringify(v))).toBeUndefined();
      expect(problemOf(JSON.stringify(v, null, 2))).toBeUndefined();
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string(), (s) => {
      checkJsonStructure(s);
    }),
    { numRuns: 300 },
  );
});
