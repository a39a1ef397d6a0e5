/**
 * The documented maximum (200 nodes × 200 executions, ~8 MB of JSON) validates and maps completely and
 * correctly. No timing assertions here (CI machines vary); the benchmark in bench/ measures speed.
 */
import { toWorkflowExecution } from "../../provider/model/map";
import { validateBody } from "../../provider/model/validate";
import { bigBody } from "./helpers";

describe("200 × 200 body", () => {
  const text = JSON.stringify(bigBody(200, 200));

  it("is about the documented worst-case size", () => {
    expect(text.length).toBeGreaterThan(6_000_000);
  });

  it("validates and maps every node execution", () => {
    const body = JSON.parse(text);
    expect(validateBody("execution", body)).toEqual([]);
    const m = toWorkflowExecution(body);
    expect(m.nodes).toHaveLength(200);
    expect(m.nodes.every((n) => n.executions.length === 200)).toBe(true);
    // Every node's last (and latest) execution, index 199, is a failure in this fixture.
    expect(m.failedNodes).toHaveLength(200);
    const e = m.nodes[7].executions[49];
    expect(e).toMatchObject({ status: "fail", error: "FSS.0500: step 49 timed out", durationMs: 25 });
    expect(e.beginTime).toBe(new Date(1_605_119_892_050 + 7_000_000 + 49_000).toISOString());
  });

  it("reports a violation deep inside the body by pointer", () => {
    const body = JSON.parse(text);
    body.node_execution_details[150].executions[199].status = "exploded";
    expect(validateBody("execution", body)[0].pointer).toBe("/node_execution_details/150/executions/199/status");
  });
});
