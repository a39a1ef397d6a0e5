/**
 * `renderErrorMessage`: one readable line from whatever object the API sends as `error_message`.
 */
import fc from "fast-check";
import { ERROR_TEXT_MAX, renderErrorMessage } from "../../provider/model/errorText";

describe("renderErrorMessage", () => {
  it.each([
    ["published example", { 'detail:"Execution failed"': null }, 'detail:"Execution failed"'],
    ["code and message", { error_code: "FSS.1001", error_msg: "invalid param" }, "FSS.1001: invalid param"],
    ["gateway-style code/message", { code: "APIGW.0308", message: "throttled" }, "APIGW.0308: throttled"],
    ["numeric code", { code: 500, msg: "internal" }, "500: internal"],
    ["message only", { message: "it broke" }, "it broke"],
    ["code only", { error_code: "FSS.0404" }, "FSS.0404"],
    ["detail", { detail: "Execution failed" }, "Execution failed"],
    ["details", { details: "bad input" }, "bad input"],
    ["reason", { reason: "timeout" }, "timeout"],
    ["preferred keys win", { message: "second", error_msg: "first", code: "c", error_code: "C" }, "C: first"],
    ["blank well-known values are skipped", { error_msg: "", message: null, reason: "why" }, "why"],
    ["unknown keys as pairs", { step: "resize", attempt: 3, fatal: true }, "step: resize; attempt: 3; fatal: true"],
    ["blank values render the key alone", { "Execution failed": "", node: null }, "Execution failed; node"],
    ["nested values compactly", { error_msg: { cause: "disk", at: [1, "two"] } }, '{"cause":"disk","at":[1,"two"]}'],
    ["nested pair values", { ctx: { a: 1 }, list: [] }, 'ctx: {"a":1}; list: []'],
    ["whitespace collapsed", { error_msg: "  line one\n\tline two  \r\n" }, "line one line two"],
    ["a plain string", "  just\ntext ", "just text"],
    ["a number", 42, "42"],
    ["an array", ["a", { b: 1 }], 'a; {"b":1}'],
  ])("%s", (_name, input, expected) => {
    expect(renderErrorMessage(input)).toBe(expected);
  });

  it.each([null, undefined, {}, [], "", "   \n", { "": null }])("returns undefined for %j", (input) => {
    expect(renderErrorMessage(input)).toBeUndefined();
  });

  it("truncates to the maximum with an ellipsis", () => {
    const out = renderErrorMessage({ error_msg: "x".repeat(1000) })!;
    expect(out.length).toBe(ERROR_TEXT_MAX);
    expect(out.endsWith("…")).toBe(true);
    expect(renderErrorMessage({ error_msg: "y".repeat(ERROR_TEXT_MAX) })).toBe("y".repeat(ERROR_TEXT_MAX));
  });

  it("does not split a surrogate pair when truncating", () => {
    const out = renderErrorMessage({ error_msg: "a" + "😀".repeat(400) })!;
    expect(out.endsWith("…")).toBe(true);
    const beforeEllipsis = out.charCodeAt(out.length - 2);
    expect(beforeEllipsis >= 0xd800 && beforeEllipsis <= 0xdbff).toBe(false);
  });

  it("bounds the work on huge nested values and cuts them with an ellipsis", () => {
    const huge = { output: Array.from({ length: 100_000 }, (_, i) => ({ i, text: "lorem ipsum" })) };
    const out = renderErrorMessage(huge)!;
    expect(out.startsWith('output: [{"i":0,"text":"lorem ipsum"}')).toBe(true);
    expect(out.length).toBe(ERROR_TEXT_MAX);
    expect(out.endsWith("…")).toBe(true);
  });

  it("survives deep nesting, cycles and throwing getters", () => {
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 50; i++) cur = (cur.next = {}) as Record<string, unknown>;
    expect(renderErrorMessage({ deep })).toContain("…");
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(renderErrorMessage({ wrap: cyclic })).toContain("loop");
    const hostile = Object.defineProperty({}, "error_msg", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(renderErrorMessage(hostile)).toBeUndefined();
  });

  it("never throws and always returns one line of bounded length", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const out = renderErrorMessage(value);
        return out === undefined || (out.length > 0 && out.length <= ERROR_TEXT_MAX && !/[\r\n\t]/.test(out) && out === out.trim());
      }),
      { numRuns: 1000 },
    );
  });
});
