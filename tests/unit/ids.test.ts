/** ID checks: refused before any request, with a message that names the setting. */
import { checkExecutionId, checkWorkflowId } from "../../provider/config/ids";
import { isConfigurationError } from "../../provider/errors";

test.each([
  ["", /empty/],
  [".", /"\." or "\.\."/],
  ["..", /"\." or "\.\."/],
  ["a/b", /not allowed/],
  ["a?b", /not allowed/],
  ["a#b", /not allowed/],
  ["a%2Fb", /not allowed/],
  ["a\\b", /not allowed/],
  ["a\u0000b", /not allowed/],
  ["a\r\nb", /not allowed/],
  [" a", /white space/],
  ["\uD800x", /surrogate/],
  ["x".repeat(65), /at most 64/],
])("execution ID %j is refused", (id, why) => {
  let err: unknown;
  try {
    checkExecutionId(id);
  } catch (e) {
    err = e;
  }
  expect(isConfigurationError(err)).toBe(true);
  expect((err as Error).message).toMatch(why);
  expect((err as { setting: string }).setting).toBe("executionId");
});

test("non-strings are refused with their type", () => {
  expect(() => checkWorkflowId(42)).toThrow(/workflowId must be a string \(got number\)/);
  expect(() => checkWorkflowId(null)).toThrow(/got null/);
});

test("lengths follow the documented limits, counted in characters", () => {
  expect(checkWorkflowId("w".repeat(512))).toHaveLength(512);
  expect(() => checkWorkflowId("w".repeat(513))).toThrow(/at most 512/);
  expect(checkExecutionId("执".repeat(64))).toHaveLength(64);
});

test("unicode, colons and spaces inside are accepted (they are percent-encoded on the wire)", () => {
  expect(checkWorkflowId("wf:demo test-ü")).toBe("wf:demo test-ü");
});
