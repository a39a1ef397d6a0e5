/**
 * The mapping rules of `toWorkflowExecution`, one at a time, on variations of the published example.
 */
import type { ExecutionBody, NodeExecutionBody } from "../../provider/model/bodies";
import { latestExecution, toWorkflowExecution } from "../../provider/model/map";
import { FINAL_STATUSES, NON_FINAL_STATUSES } from "../../provider/model/types";
import { validateBody } from "../../provider/model/validate";
import { example, nodeExec } from "./helpers";

/** Maps a body after checking that it is valid (the mapping's precondition). */
function mapValid(body: ExecutionBody) {
  expect(validateBody("execution", body)).toEqual([]);
  return toWorkflowExecution(body);
}

function withNodes(...executions: NodeExecutionBody[][]): ExecutionBody {
  const b = example();
  b.node_execution_details = executions.map((e, i) => ({ node_id: `n${i}`, node_name: `Node ${i}`, execution_id: `x${i}`, executions: e }));
  return b;
}

describe("status flags", () => {
  it.each(FINAL_STATUSES)("%s is terminal", (status) => {
    const m = mapValid({ ...example(), status });
    expect(m.terminal).toBe(true);
    expect(m.succeeded).toBe(status === "success");
  });

  it.each(NON_FINAL_STATUSES)("%s is neither terminal nor succeeded", (status) => {
    const m = mapValid({ ...example(), status });
    expect([m.terminal, m.succeeded]).toEqual([false, false]);
  });

  it("does not let successful nodes make a failed run succeed", () => {
    const b = withNodes([nodeExec("success", 1000)]);
    b.status = "fail";
    expect(mapValid(b).succeeded).toBe(false);
  });
});

describe("absent and null values", () => {
  it("omits every optional property that is absent, null or empty", () => {
    const m = mapValid({ workflow_id: "w", workflow_urn: "urn:fss:r:p:workflow:d:n:v", execution_id: "e", status: "success", created_by: "", headers: null, input: null, output: null });
    expect(Object.keys(m)).toEqual(["workflowId", "workflowUrn", "urn", "executionId", "status", "terminal", "succeeded", "nodes", "failedNodes"]);
    expect(m.nodes).toEqual([]);
  });

  it("maps null node lists and null executions to empty arrays", () => {
    expect(mapValid({ ...example(), node_execution_details: null }).nodes).toEqual([]);
    expect(mapValid(withNodes(null as unknown as NodeExecutionBody[])).nodes[0].executions).toEqual([]);
  });

  it("keeps empty input/output objects (they were sent) but drops empty error_message", () => {
    const e = mapValid(withNodes([nodeExec("success", 5, { input: {}, output: {}, error_message: {} })])).nodes[0].executions[0];
    expect(e.input).toEqual({});
    expect(e.output).toEqual({});
    expect("errorMessage" in e || "error" in e).toBe(false);
  });

  it("omits null node objects, a zero time and an empty request id", () => {
    const e = mapValid(withNodes([{ status: "running", input: null, output: null, begin_time: 0, end_time: 0, error_message: null, request_id: "" }])).nodes[0].executions[0];
    expect(e).toStrictEqual({ status: "running" });
  });
});

describe("node times", () => {
  it("converts epoch ms to ISO and computes the duration", () => {
    const e = mapValid(withNodes([nodeExec("success", 1_605_119_892_050)])).nodes[0].executions[0];
    expect([e.beginTime, e.endTime, e.durationMs]).toEqual(["2020-11-11T18:38:12.050Z", "2020-11-11T18:38:12.075Z", 25]);
  });

  it("has no duration when a time is missing or the end precedes the begin", () => {
    const [a, b, c] = mapValid(withNodes([nodeExec("running", 1000, { end_time: 0 }), nodeExec("success", 5000, { end_time: 4000 }), nodeExec("success", 1, { begin_time: undefined })])).nodes[0].executions;
    expect([a.beginTime, a.endTime, a.durationMs]).toEqual(["1970-01-01T00:00:01.000Z", undefined, undefined]);
    expect([b.endTime, b.durationMs]).toEqual(["1970-01-01T00:00:04.000Z", undefined]);
    expect([c.beginTime, c.durationMs, "beginTime" in c]).toEqual([undefined, undefined, false]);
  });
});

describe("node errors", () => {
  it("keeps error_message as sent and adds its one-line rendering", () => {
    const em = { error_code: "FSS.0500", error_msg: "boom\n at step 2" };
    const e = mapValid(withNodes([nodeExec("fail", 9, { error_message: em })])).nodes[0].executions[0];
    expect(e.errorMessage).toBe(em);
    expect(e.error).toBe("FSS.0500: boom at step 2");
  });
});

describe("nodes and failedNodes", () => {
  it("keeps nodes in the order sent and failed nodes as the same objects", () => {
    const m = mapValid(withNodes([nodeExec("success", 1)], [nodeExec("fail", 2)], [nodeExec("timeout", 3)], [nodeExec("cancel", 4)], [nodeExec("running", 5)]));
    expect(m.nodes.map((n) => n.nodeId)).toEqual(["n0", "n1", "n2", "n3", "n4"]);
    expect(m.failedNodes.map((n) => n.nodeId)).toEqual(["n1", "n2", "n3"]);
    expect(m.failedNodes[0]).toBe(m.nodes[1]);
  });

  it("judges a node by its latest execution (greatest begin_time), not the array's last", () => {
    const retried = [nodeExec("success", 3000), nodeExec("fail", 1000)];
    const failedAgain = [nodeExec("success", 1000), nodeExec("fail", 3000), nodeExec("running", 2000)];
    const m = mapValid(withNodes(retried, failedAgain));
    expect(m.failedNodes.map((n) => n.nodeId)).toEqual(["n1"]);
  });

  it("breaks begin_time ties in favour of the later element; a missing time counts as 0", () => {
    const tieFail = [nodeExec("success", 1000), nodeExec("fail", 1000)];
    const tieOk = [nodeExec("fail", 1000), nodeExec("success", 1000)];
    const untimed = [nodeExec("fail", 0, { begin_time: undefined }), nodeExec("success", 0)];
    const m = mapValid(withNodes(tieFail, tieOk, untimed));
    expect(m.failedNodes.map((n) => n.nodeId)).toEqual(["n0"]);
  });

  it("does not count a node without executions as failed", () => {
    expect(mapValid(withNodes([])).failedNodes).toEqual([]);
  });

  it("failedNodes and latestExecution (used by the gate's messages and the CLI) apply the same rule", () => {
    const nodes = [
      [nodeExec("success", 3000), nodeExec("fail", 1000)],
      [nodeExec("success", 1000), nodeExec("fail", 1000)],
      [nodeExec("fail", 0, { begin_time: undefined }), nodeExec("success", 0)],
      [nodeExec("cancel", 5), nodeExec("running", 4)],
    ];
    const m = mapValid(withNodes(...nodes));
    expect(m.nodes.map((n) => latestExecution(n)?.status)).toEqual(["success", "fail", "success", "cancel"]);
    expect(m.failedNodes).toEqual(m.nodes.filter((n) => ["fail", "timeout", "cancel"].includes(latestExecution(n)?.status ?? "")));
    expect(latestExecution({ nodeId: "n", nodeName: "n", executionId: "x", executions: [] })).toBeUndefined();
  });
});

describe("one mapping path", () => {
  it("never modifies the body it maps", () => {
    const body = withNodes([nodeExec("fail", 9, { error_message: { error_code: "E", error_msg: "m" } })], [nodeExec("success", 3)]);
    const before = JSON.stringify(body);
    mapValid(body);
    expect(JSON.stringify(body)).toBe(before);
  });

  it("builds every optional property in the interface's order, present or not", () => {
    const full = mapValid(example());
    expect(Object.keys(full)).toEqual([
      "workflowId", "workflowUrn", "urn", "executionId", "status", "terminal", "succeeded", "headers", "input", "output",
      "beginTime", "endTime", "lastUpdateTime", "durationMs", "createdBy", "nodes", "failedNodes",
    ]);
    const e = mapValid(withNodes([nodeExec("fail", 9, { error_message: { error_code: "E", error_msg: "m" } })])).nodes[0].executions[0];
    expect(Object.keys(e)).toEqual(["status", "input", "output", "beginTime", "endTime", "durationMs", "errorMessage", "error", "requestId"]);
  });
});

describe("preconditions", () => {
  it("throws rather than inventing a URN for an unvalidated body", () => {
    expect(() => toWorkflowExecution({ ...example(), workflow_urn: "nope" })).toThrow(TypeError);
  });
});
