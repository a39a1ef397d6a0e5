/** Judging a run's outputs and nodes: every operator true, false, missing and of the wrong type. */
import { checkConditions, checkRequireNodes, judge, judgementText } from "../../provider/gate/conditions";
import type { NodeExecutionDetail, WorkflowExecution } from "../../provider/model/types";

const SECRET_VALUE = "payload-value-7731";

function node(name: string, ...executions: Array<{ status: string; output?: Record<string, unknown>; beginTime?: string }>): NodeExecutionDetail {
  return { nodeId: `id-${name}`, nodeName: name, executionId: "e", executions: executions as NodeExecutionDetail["executions"] };
}

const run = {
  workflowId: "w",
  executionId: "e",
  status: "success",
  terminal: true,
  succeeded: true,
  output: { verdict: "ok", failed: 0, stage: "canary", report: { url: SECRET_VALUE }, list: [1, { a: null }], label: "build-1234", n: "3" },
  input: { env: "prod" },
  nodes: [
    node("tests", { status: "success", output: { failed: 2, note: SECRET_VALUE } }),
    node("retried", { status: "fail", beginTime: "2024-01-01T00:00:00.000Z" }, { status: "success", beginTime: "2024-01-01T00:01:00.000Z", output: { ok: true } }),
    node("twin", { status: "success" }),
    node("twin", { status: "success" }),
    node("never"),
  ],
  failedNodes: [],
} as unknown as WorkflowExecution;

function one(condition: Record<string, unknown>, expose = false) {
  const [c] = checkConditions([condition]);
  return judge(run, [], [c!], expose).results[0]!;
}

test.each([
  [{ source: "output", path: "/verdict", equals: "ok" }, "pass"],
  [{ source: "output", path: "/verdict", equals: "fail" }, "fail"],
  [{ source: "output", path: "/list/1", equals: { a: null } }, "pass"],
  [{ source: "output", path: "/verdict", notEquals: "fail" }, "pass"],
  [{ source: "output", path: "/verdict", notEquals: "ok" }, "fail"],
  [{ source: "output", path: "/stage", in: ["canary", "ga"] }, "pass"],
  [{ source: "output", path: "/stage", in: ["ga"] }, "fail"],
  [{ source: "output", path: "/failed", lte: 0 }, "pass"],
  [{ source: "output", path: "/failed", lt: 0 }, "fail"],
  [{ source: "output", path: "/failed", gte: 0 }, "pass"],
  [{ source: "output", path: "/failed", gt: 0 }, "fail"],
  [{ source: "output", path: "/report", exists: true }, "pass"],
  [{ source: "output", path: "/absent", exists: false }, "pass"],
  [{ source: "output", path: "/absent", exists: true }, "fail"],
  [{ source: "output", path: "/report", exists: false }, "fail"],
  [{ source: "output", path: "/label", matches: "^build-[0-9]+$" }, "pass"],
  [{ source: "output", path: "/label", matches: "^release" }, "fail"],
  [{ source: "input", path: "/env", equals: "prod" }, "pass"],
  [{ source: { node: "tests" }, path: "/failed", lte: 0 }, "fail"],
  [{ source: { node: "retried" }, path: "/ok", equals: true }, "pass"],
])("%j is %s", (condition, outcome) => {
  expect(one(condition).outcome).toBe(outcome);
});

test.each([
  [{ source: "output", path: "/absent", equals: 1 }, /was missing/],
  [{ source: "output", path: "/n", lt: 5 }, /was a string, so it counts as missing/],
  [{ source: "output", path: "/failed", matches: "0" }, /was a number, so it counts as missing/],
  [{ source: "output", path: "/list/01", equals: 1 }, /was missing/],
  [{ source: { node: "nobody" }, path: "/x", equals: 1 }, /no node is named "nobody"/],
  [{ source: { node: "never" }, path: "/x", equals: 1 }, /has no output/],
])("a missing or mistyped value fails by default and is inconclusive on request: %j", (condition, reason) => {
  const r = one(condition);
  expect(r.outcome).toBe("fail");
  expect(r.reason).toMatch(reason);
  expect(one({ ...condition, onMissing: "inconclusive" }).outcome).toBe("inconclusive");
});

test("onFalse chooses between fail and inconclusive for a false comparison", () => {
  expect(one({ source: "output", path: "/verdict", equals: "bad", onFalse: "inconclusive" }).outcome).toBe("inconclusive");
  expect(one({ source: "output", path: "/verdict", equals: "bad", onFalse: "fail" }).outcome).toBe("fail");
});

test("two nodes with the same name are an error, not a guess, whatever onMissing says", () => {
  expect(one({ source: { node: "twin" }, path: "", exists: true, onMissing: "inconclusive" }).outcome).toBe("fail");
  const j = judge(run, checkRequireNodes(["twin"]), []);
  expect(j.outcome).toBe("fail");
  expect(judgementText(j)).toMatch(/2 nodes are named "twin"/);
});

test("required nodes are judged by their latest execution", () => {
  expect(judge(run, checkRequireNodes(["tests", "retried"]), []).outcome).toBe("pass");
  expect(judge(run, checkRequireNodes({ retried: ["fail"] }), []).outcome).toBe("fail");
  const missing = judge(run, checkRequireNodes(["deploy"]), []);
  expect(judgementText(missing)).toMatch(/node "deploy" is success: no such node/);
  expect(judge(run, checkRequireNodes(["never"]), []).outcome).toBe("fail");
});

test("the worst outcome wins: one failure beats any number of inconclusive results", () => {
  const conditions = checkConditions([
    { source: "output", path: "/absent", equals: 1, onMissing: "inconclusive" },
    { source: "output", path: "/verdict", equals: "ok" },
  ]);
  expect(judge(run, [], conditions).outcome).toBe("inconclusive");
  expect(judge(run, checkRequireNodes(["deploy"]), conditions).outcome).toBe("fail");
});

test("messages name the condition and never quote a payload value unless exposed", () => {
  const conditions = checkConditions([
    { source: "output", path: "/report/url", equals: "x" },
    { source: { node: "tests" }, path: "/note", matches: "^nothing$" },
  ]);
  const text = judgementText(judge(run, [], conditions));
  expect(text).toContain('output:/report/url == "x": did not hold');
  expect(text).not.toContain(SECRET_VALUE);
  expect(judgementText(judge(run, [], conditions, true))).toContain(SECRET_VALUE);
});

test.each([
  [[{ source: "output", path: "verdict", equals: 1 }], "conditions[0].path"],
  [[{ source: "output", path: "/a~2", equals: 1 }], "conditions[0].path"],
  [[{ source: "stdout", path: "/a", equals: 1 }], "conditions[0].source"],
  [[{ source: "output", path: "/a" }], "conditions[0]"],
  [[{ source: "output", path: "/a", equals: 1, lt: 2 }], "conditions[0]"],
  [[{ source: "output", path: "/a", lt: "5" }], "conditions[0].lt"],
  [[{ source: "output", path: "/a", in: "x" }], "conditions[0].in"],
  [[{ source: "output", path: "/a", matches: "(" }], "conditions[0].matches"],
  [[{ source: "output", path: "/a", matches: "a".repeat(257) }], "conditions[0].matches"],
  [[{ source: "output", path: "/a", equals: 1, onFalse: "pass" }], "conditions[0].onFalse"],
  [[{ source: "output", path: "/a", equals: 1, extra: 1 }], "conditions[0]"],
  [{ source: "output" }, "conditions"],
])("a malformed condition is a ConfigurationError naming %#", (conditions, setting) => {
  expect(() => checkConditions(conditions)).toThrow(expect.objectContaining({ code: "FGS_CONFIGURATION", setting }));
});

test("a pattern that backtracks catastrophically elsewhere runs in linear time here", () => {
  const c = checkConditions([{ source: "output", path: "/s", matches: "^(a+)+$" }]);
  const hostile = { ...run, output: { s: "a".repeat(50_000) + "!" } } as WorkflowExecution;
  expect(judge(hostile, [], c).outcome).toBe("fail");
});
