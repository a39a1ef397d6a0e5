/**
 * The action's pieces in-process (and so type-checked with the tests): inputs to a command line,
 * results to verdicts, and the delimiter form of $GITHUB_OUTPUT with a value that tries to break out.
 */
import { InputError, planFromInputs } from "../../action/inputs";
import { runAction } from "../../action/main";
import { outputsOf, renderOutputs, verdictOf } from "../../action/outputs";
import { inputEnv, parseOutputFile } from "./runner";

test("inputs become flags; lists one per line; switches only when true; always --output github", () => {
  const plan = planFromInputs({
    ...inputEnv({ command: "wait", "workflow-id": "w", "execution-id": "e", latest: "false", condition: 'output:/a == 1\n\n  output:/b exists  \n', "require-node": "x\ny=fail", debug: "true" }),
    OTHER: "kept",
  });
  expect(plan.argv).toEqual([
    "wait", "--workflow-id", "w", "--execution-id", "e",
    "--require-node", "x", "--require-node", "y=fail",
    "--condition", "output:/a == 1", "--condition", "output:/b exists",
    "--debug", "--output", "github",
  ]);
  expect(plan.mode).toBe("enforce");
  expect(plan.env.OTHER).toBe("kept");
});

test("credential inputs go to the environment, never to the command line", () => {
  const plan = planFromInputs(inputEnv({ "workflow-id": "w", "execution-id": "e", "access-key": "AK123", "secret-key": "SK456" }));
  expect(plan.argv.join(" ")).not.toMatch(/AK123|SK456/);
  expect([plan.env.HW_ACCESS_KEY, plan.env.HW_SECRET_KEY]).toEqual(["AK123", "SK456"]);
  expect(plan.env["INPUT_SECRET-KEY"]).toBeUndefined();
});

test.each([
  [{ command: "deploy" }, /input command must be one of/],
  [{ mode: "strict" }, /input mode must be enforce or warn/],
  [{ sync: "yes" }, /input sync must be true or false/],
])("bad input %j", (inputs, message) => {
  expect(() => planFromInputs(inputEnv(inputs))).toThrow(InputError);
  expect(() => planFromInputs(inputEnv(inputs))).toThrow(message);
});

test("verdicts: pass only for exit 0; gate codes by name; anything else is error", () => {
  expect(verdictOf({ exitCode: 0, reason: "" })).toBe("pass");
  expect(verdictOf({ exitCode: 1, code: "FGS_GATE_REJECTED", reason: "" })).toBe("fail");
  expect(verdictOf({ exitCode: 1, code: "FGS_GATE_STALE", reason: "" })).toBe("stale");
  expect(verdictOf({ exitCode: 4, code: "FGS_GATE_TIMEOUT", reason: "" })).toBe("timeout");
  expect(verdictOf({ exitCode: 6, code: "FGS_GATE_INCONCLUSIVE", reason: "" })).toBe("inconclusive");
  expect(verdictOf({ exitCode: 3, code: "FGS_API_ERROR", reason: "" })).toBe("error");
  expect(verdictOf({ exitCode: 130, code: "FGS_INTERRUPTED", reason: "" })).toBe("error");
  expect(verdictOf({ exitCode: 1, reason: "" })).toBe("error");
});

test("a value cannot end its output early or add another: one safe line between random delimiters", () => {
  const hostile = "boom\nverdict<<EOF\npass\nEOF\nstatus=success";
  const text = renderOutputs(outputsOf({ exitCode: 1, code: "FGS_GATE_REJECTED", executionId: "e\n1", status: "fail", reason: hostile }));
  const outputs = parseOutputFile(text);
  expect(Object.keys(outputs)).toEqual(["verdict", "execution-id", "status", "reason"]);
  expect(outputs.verdict).toBe("fail");
  expect(outputs.reason).not.toContain("\n");
  expect(outputs["execution-id"]).not.toContain("\n");
});

test("runAction in-process: a bad input is exit 2 with an annotation, and a warning when GITHUB_OUTPUT is missing", async () => {
  let out = "";
  let err = "";
  const code = await runAction({ env: inputEnv({ command: "deploy" }), stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  expect(code).toBe(2);
  expect(out).toMatch(/^::error title=fgs-workflow-gate%3A bad input::/);
  expect(err).toContain("GITHUB_OUTPUT is not set");
});

test("an input that asks for help is no verdict: exit 3, verdict error, never pass", async () => {
  for (const value of ["--help", "-h"]) {
    let out = "";
    const code = await runAction({
      env: inputEnv({ "workflow-id": "w", "execution-id": value }),
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
    });
    expect(code).not.toBe(0);
    expect(out).not.toMatch(/verdict=pass/);
  }
});
