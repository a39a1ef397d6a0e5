/**
 * `safeText`, the one gate between service text and the CLI's output, and `safeJson`, its JSON form:
 * each unsafe character class by name, workflow commands, truncation, and properties over any string.
 */
import fc from "fast-check";
import { escapeData, escapeProperty, command } from "../../provider/cli/render/github";
import { safeJson, safeText } from "../../provider/cli/render/safeText";
import { cell } from "../../provider/cli/render/summary";
import { makeEnvScrubber } from "../../provider/cli/envScrubber";
import { crashLine, errorLine, stackLines } from "../../provider/cli/report";
import { hostileString } from "../reliability/support/arbitraries";

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("safeText", () => {
  test.each([
    ["ESC sequence (CSI, OSC)", "a\u001b[2Jb\u001b]0;t\u0007c", "a [2Jb ]0;t c"],
    ["C1 CSI U+009B and NEL U+0085", "a\u009b31mb\u0085c", "a 31mb c"],
    ["DEL and NUL", "a\u007fb\u0000c", "a b c"],
    ["CR, LF, VT, FF, tab", "a\r\nb\u000bc\u000cd\te", "a b c d e"],
    ["line and paragraph separators", "a\u2028b\u2029c", "a b c"],
    ["bidi overrides and embeddings", "a\u202ab\u202bc\u202cd\u202de\u202ef", "a b c d e f"],
    ["bidi isolates", "a\u2066b\u2067c\u2068d\u2069e", "a b c d e"],
    ["bidi marks", "a\u200eb\u200fc\u061cd", "a b c d"],
    ["lone surrogates", "a\ud800b\udfffc", "a b c"],
    ["white space folded and trimmed", "  a \u00a0  b  ", "a b"],
    ["a legacy command anywhere", "x ##[error]y ###[add-mask]z", "x # #[error]y ## #[add-mask]z"],
  ])("%s", (_name, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  test("a request ID that would start workflow commands stays on its line", () => {
    expect(safeText("rq-1\n::error::x\n::add-mask::x")).toBe("rq-1 ::error::x ::add-mask::x");
  });

  test("cut at max code points with an ellipsis, never inside a surrogate pair", () => {
    expect(safeText("abcdef", 4)).toBe("abc…");
    expect(safeText("😀😀😀", 2)).toBe("😀…");
    expect(safeText("abc", 3)).toBe("abc");
  });

  test("emoji, accents and CJK pass unchanged", () => {
    expect(safeText("déploiement 日本語 😀 e\u0301")).toBe("déploiement 日本語 😀 e\u0301");
  });

  test("property: any string becomes one line without unsafe characters or legacy commands, and stays so", () => {
    fc.assert(
      fc.property(hostileString, fc.integer({ min: 1, max: 400 }), (s, max) => {
        const out = safeText(s, max);
        expect(out).not.toMatch(FORBIDDEN);
        expect(out).not.toContain("##[");
        expect(out).toBe(out.trim());
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
        expect(safeText(out, max)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});

describe("safeJson", () => {
  test("property: the value is unchanged and the text holds no unsafe character or legacy command", () => {
    fc.assert(
      fc.property(fc.dictionary(hostileString, hostileString, { maxKeys: 4 }), (value) => {
        const json = safeJson(JSON.stringify({ value }, null, 2));
        expect(JSON.parse(json)).toEqual({ value });
        expect(json.split("\n").join("")).not.toMatch(FORBIDDEN);
        expect(json).not.toContain("##[");
      }),
      { numRuns: 300 },
    );
  });
});

describe("the github format's escaping", () => {
  test("data escapes %, CR, LF; properties also : and ,", () => {
    expect(escapeData("100% done\r\n::error::x")).toBe("100%25 done%0D%0A::error::x");
    expect(escapeProperty("a: b, 100%\n")).toBe("a%3A b%2C 100%25%0A");
  });

  test("a command is one line whatever its title and message hold", () => {
    const hostile = "n\u001b[1m,\u009bfile=/etc/passwd:\r\n::add-mask::x %0A ##[error]y\u202e";
    const line = command("error", hostile, hostile);
    expect(line).toBe(
      "::error title=n [1m%2C file=/etc/passwd%3A %3A%3Aadd-mask%3A%3Ax %250A # #[error]y::n [1m, file=/etc/passwd: ::add-mask::x %250A # #[error]y",
    );
  });

  test("a Markdown cell is safe text, then escaped for the table", () => {
    expect(cell("a | b\n<script>*x*</script>\u202e")).toBe("a \\| b &lt;script&gt;\\*x\\*&lt;/script&gt;");
  });
});

describe("stderr: error lines, --debug stacks, progress", () => {
  const hostile = "boom\r\n::error::x\u001b[2J\u202e ##[add-mask]y";

  test("an error line is one safe line, the secret scrubbed before any cut", () => {
    const secret = "s".repeat(20) + "SECRETVALUE";
    const scrub = makeEnvScrubber({ HW_SECRET_KEY: secret });
    const line = errorLine({ code: "FGS_API_ERROR", message: `${hostile} ${"x".repeat(4000)}${secret}` }, scrub);
    expect(line).toMatch(/^fgs-execution: FGS_API_ERROR: boom ::error::x \[2J # #\[add-mask\]y x+…$/);
    expect(line).not.toContain("SECRETVALUE".slice(0, 6));
  });

  test("an unexpected error's name and an unknown code are made safe too", () => {
    expect(errorLine({ name: "Type\nError", message: hostile })).toBe(
      "fgs-execution: FGS_UNEXPECTED: Type Error: boom ::error::x [2J # #[add-mask]y (run with --debug for details)",
    );
    expect(errorLine({ code: "FGS_\n::error::x", message: "m" })).toMatch(/^fgs-execution: FGS_UNEXPECTED: /);
  });

  test("a stack's message lines are prefixed, frames kept: no line can start a workflow command", () => {
    const lines = stackLines(`Error: ${hostile}\n::add-mask::z\u2028::error::w\n    at f (x.js:1:1)`, (t) => t);
    expect(lines).toEqual([
      "fgs-execution: debug: Error: boom",
      "fgs-execution: debug: ::error::x [2J # #[add-mask]y",
      "fgs-execution: debug: ::add-mask::z",
      "fgs-execution: debug: ::error::w",
      "    at f (x.js:1:1)",
    ]);
  });

  test("the crash line of bin/ is scrubbed and safe", () => {
    expect(crashLine(new Error(`${hostile} key AKSECRETAKSECRET`), { HW_ACCESS_KEY: "AKSECRETAKSECRET" })).toBe(
      "fgs-execution: FGS_UNEXPECTED: Error: boom ::error::x [2J # #[add-mask]y key [redacted] (run with --debug for details)\n",
    );
  });
});
