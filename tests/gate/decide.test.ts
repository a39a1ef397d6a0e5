/** The pass/fail decision, a pure function: fail closed on anything not final, stale or unchecked. */
import { decide } from "../../provider/gate/decide";
import { normalizeGate } from "../../provider/gate/options";
import { execution, node } from "./helpers";

const NOW = Date.parse("2024-05-06T08:00:00Z");

test("success passes a success requirement", () => {
  expect(decide(execution("success"), normalizeGate({ requireStatus: "success" }), NOW, 0)).toEqual({ pass: true });
});

test.each(["fail", "timeout", "cancel"] as const)("%s is rejected and names the failed node with its error and request id", (status) => {
  const e = execution(status, [node("build", "success"), node("integration-tests", status, "integration tests failed: 3 of 120", "rq-b")]);
  const v = decide(e, normalizeGate({ requireStatus: "success" }), NOW, 0);
  expect(v).toMatchObject({ pass: false, code: "FGS_GATE_REJECTED" });
  const verb = status === "fail" ? "failed" : `ended ${status}`;
  expect(v.pass === false && v.message).toBe(
    `Workflow release-checks execution 7f3c0000-exec ended ${status}: node integration-tests ${verb}: integration tests failed: 3 of 120 (request id rq-b) (required: success)`,
  );
});

test.each(["running", "scheduled", "retrying", "stopping", "recovered"] as const)("non-final %s never passes", (status) => {
  const noWait = decide(execution(status), normalizeGate({ requireStatus: "success" }), NOW, undefined);
  expect(noWait).toMatchObject({ pass: false, code: "FGS_GATE_TIMEOUT" });
  expect(noWait.pass === false && noWait.message).toMatch(/no wait was requested/);
  const waited = decide(execution(status), normalizeGate({ requireStatus: "success" }), NOW, 12_000);
  expect(waited.pass === false && waited.message).toMatch(/after waiting 12 s/);
});

test("a status outside an explicit set is rejected even when it is success", () => {
  const v = decide(execution("success"), normalizeGate({ requireStatus: ["fail", "cancel"] }), NOW, 0);
  expect(v).toMatchObject({ pass: false, code: "FGS_GATE_REJECTED" });
});

test("long error texts are cut with an ellipsis and at most five nodes are listed", () => {
  const nodes = Array.from({ length: 7 }, (_, i) => node(`n${i}`, "fail", "x".repeat(500)));
  const v = decide(execution("fail", nodes), normalizeGate({ requireStatus: "success" }), NOW, 0);
  const message = v.pass === false ? v.message : "";
  expect(message).toContain("x".repeat(199) + "…");
  expect(message).not.toContain("x".repeat(200));
  expect(message).toContain("and 2 more failed nodes");
});

describe("freshness", () => {
  test("a run that began before notBefore is stale even if it succeeded", () => {
    const v = decide(execution("success", [], "2024-05-06T06:00:00.000Z"), normalizeGate({ requireStatus: "success", notBefore: "2024-05-06T07:00:00Z" }), NOW, 0);
    expect(v).toMatchObject({ pass: false, code: "FGS_GATE_STALE" });
  });
  test("maxAgeSeconds", () => {
    const e = execution("success", [], "2024-05-06T07:00:00.000Z");
    expect(decide(e, normalizeGate({ maxAgeSeconds: 3600 }), NOW, 0)).toEqual({ pass: true });
    expect(decide(e, normalizeGate({ maxAgeSeconds: 3599 }), NOW, 0)).toMatchObject({ pass: false, code: "FGS_GATE_STALE" });
  });
  test("no begin time fails closed", () => {
    const e = { ...execution("success"), beginTime: undefined };
    expect(decide(e, normalizeGate({ maxAgeSeconds: 60 }), NOW, 0)).toMatchObject({ pass: false, code: "FGS_GATE_STALE" });
  });
});

test("a wait that ends on a run still going fails closed even without a status requirement", () => {
  const policy = normalizeGate({ waitForCompletion: true });
  expect(policy.decides).toBe(true);
  expect(decide(execution("running"), policy, NOW, 600_000)).toMatchObject({ pass: false, code: "FGS_GATE_TIMEOUT" });
  expect(decide(execution("fail"), policy, NOW, 5_000)).toEqual({ pass: true });
});

test("zoned notBefore strings are read in their own zone", () => {
  expect(normalizeGate({ notBefore: "2024-05-06T15:08:09+08:00" }).notBeforeMs).toBe(Date.UTC(2024, 4, 6, 7, 8, 9));
});

test("without any requirement the decision passes (a plain read)", () => {
  const policy = normalizeGate({});
  expect(policy.decides).toBe(false);
  expect(decide(execution("fail"), policy, NOW, 0)).toEqual({ pass: true });
});

describe("options are checked", () => {
  test.each([
    [{ requireStatus: "running" }, /not a final status/],
    [{ requireStatus: "succeeded" }, /not a status/],
    [{ requireStatus: [] }, /at least one/],
    [{ mode: "loud" }, /mode must be/],
    [{ notBefore: "yesterday" }, /ISO-8601/],
    // A zone-less time would be read in the machine's local time: on a UTC+8 runner, 8 h too early.
    [{ notBefore: "2024-05-06T07:08:09" }, /with a zone/],
    [{ maxAgeSeconds: -1 }, /maxAgeSeconds/],
    [{ waitForCompletion: { minIntervalSeconds: 10, maxIntervalSeconds: 5 } }, /at least minIntervalSeconds/],
    [{ waitForCompletion: { timeoutSeconds: Number.NaN } }, /timeoutSeconds/],
    [{ waitForCompletion: "yes" }, /boolean or an object/],
  ])("%j", (args, why) => {
    expect(() => normalizeGate(args as never)).toThrow(why);
  });
  test("defaults: 600 s, 2 s, 30 s, 3 consecutive errors, enforce", () => {
    expect(normalizeGate({ waitForCompletion: true })).toMatchObject({
      mode: "enforce",
      wait: { timeoutMs: 600_000, minIntervalMs: 2000, maxIntervalMs: 30_000, maxConsecutiveErrors: 3 },
    });
  });
});

describe("gate durations (the one rule of config/duration.ts)", () => {
  test.each([
    [{ waitForCompletion: { timeoutSeconds: 2 ** 31 / 1000 } }, "waitForCompletion.timeoutSeconds"],
    [{ waitForCompletion: { maxIntervalSeconds: Infinity } }, "waitForCompletion.maxIntervalSeconds"],
    [{ waitForCompletion: { minIntervalSeconds: NaN } }, "waitForCompletion.minIntervalSeconds"],
    [{ maxAgeSeconds: 1e10 }, "maxAgeSeconds"],
  ])("%j is a ConfigurationError naming %s", (args, setting) => {
    expect(() => normalizeGate(args as never)).toThrow(expect.objectContaining({ code: "FGS_CONFIGURATION", setting }));
  });
});
