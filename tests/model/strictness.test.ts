/**
 * What the execution schema rejects (with the pointer and the plain-words expectation) and what it
 * tolerates. The gate decides on status, ids, URN and times, so those are strict; everything else is
 * tolerant, and unknown fields are always allowed.
 */
import { ALL_STATUSES } from "../../provider/model/types";
import { validateBody } from "../../provider/model/validate";
import { exampleLoose } from "./helpers";

const ENUM_TEXT = "one of success, fail, running, timeout, cancel, scheduled, retrying, stopping, recovered";

/** The violations of the example after `mutate`. */
function violationsAfter(mutate: (b: Record<string, any>) => void) {
  const b = exampleLoose();
  mutate(b);
  return validateBody("execution", b);
}

/** Example with four nodes, so pointers into the fourth can be checked. */
function fourNodes(b: Record<string, any>) {
  const n = b.node_execution_details[0];
  b.node_execution_details = [0, 1, 2, 3].map((i) => ({ ...n, node_id: `n${i}`, executions: n.executions.map((e: object) => ({ ...e })) }));
}

describe("execution status", () => {
  it.each(ALL_STATUSES)("accepts %s at the top and in nodes", (status) => {
    expect(violationsAfter((b) => ((b.status = status), (b.node_execution_details[0].executions[0].status = status)))).toEqual([]);
  });

  it.each(["SUCCESS", "Success", "succeeded", "success ", "", "ok", "failed"])("rejects %j at /status, listing the enum", (s) => {
    expect(violationsAfter((b) => (b.status = s))).toEqual([{ pointer: "/status", expected: ENUM_TEXT }]);
  });

  it("rejects a non-string status with the enum as the expectation", () => {
    expect(violationsAfter((b) => (b.status = 1))).toEqual([{ pointer: "/status", expected: ENUM_TEXT }]);
  });

  it("points into the node for a node status outside the enum", () => {
    const v = violationsAfter((b) => {
      fourNodes(b);
      b.node_execution_details[3].executions[0].status = "done";
    });
    expect(v).toEqual([{ pointer: "/node_execution_details/3/executions/0/status", expected: ENUM_TEXT }]);
  });
});

describe("required properties", () => {
  it.each(["workflow_id", "workflow_urn", "execution_id", "status"])("reports a missing %s at its own pointer", (key) => {
    expect(violationsAfter((b) => delete b[key])).toEqual([{ pointer: `/${key}`, expected: "a string (required)" }]);
  });

  it.each(["node_id", "node_name", "execution_id"])("reports a missing node %s", (key) => {
    expect(violationsAfter((b) => delete b.node_execution_details[0][key])).toEqual([
      { pointer: `/node_execution_details/0/${key}`, expected: "a string (required)" },
    ]);
  });

  it("reports missing node executions and missing node execution status", () => {
    expect(violationsAfter((b) => delete b.node_execution_details[0].executions)).toEqual([
      { pointer: "/node_execution_details/0/executions", expected: "an array or null (required)" },
    ]);
    expect(violationsAfter((b) => delete b.node_execution_details[0].executions[0].status)).toEqual([
      { pointer: "/node_execution_details/0/executions/0/status", expected: "a string (required)" },
    ]);
  });

  it("rejects bodies that are not objects at the root pointer", () => {
    for (const body of [null, "x", 1, [], undefined]) expect(validateBody("execution", body)).toEqual([{ pointer: "", expected: "an object" }]);
  });
});

describe("types and lengths", () => {
  it.each([
    ["workflow_id", 42, "a string"],
    ["workflow_id", "", "a string of at least 1 character"],
    ["workflow_id", "w".repeat(513), "a string of at most 512 characters"],
    ["execution_id", "e".repeat(65), "a string of at most 64 characters"],
    ["headers", [], "an object or null"],
    ["input", "text", "an object or null"],
    ["created_by", 7, "a string"],
    ["node_execution_details", {}, "an array or null"],
  ])("%s = %j → %s", (key, value, expected) => {
    expect(violationsAfter((b) => (b[key] = value))).toEqual([{ pointer: `/${key}`, expected }]);
  });

  it("rejects an over-long time by its shape (the pattern bounds a time to 35 characters)", () => {
    const title = "an ISO-8601 UTC time such as 2021-01-01T00:00:00Z (fractional seconds and ±hh:mm offsets allowed) or an empty string";
    for (const value of ["2021-01-01T00:00:00.1234567890Z", `2021-01-01T00:00:00Z${" ".repeat(100_000)}`, "9".repeat(100_000)]) {
      expect(violationsAfter((b) => (b.begin_time = value))).toEqual([{ pointer: "/begin_time", expected: title }]);
    }
    expect(violationsAfter((b) => (b.begin_time = "2021-01-01T00:00:00.123456789+08:00"))).toEqual([]);
  });

  it("accepts a 512-character workflow_id (the path limit, wider than the body's documented 64)", () => {
    expect(violationsAfter((b) => (b.workflow_id = "w".repeat(512)))).toEqual([]);
  });

  it("caps node_execution_details at 200", () => {
    const v = violationsAfter((b) => (b.node_execution_details = Array(201).fill(b.node_execution_details[0])));
    expect(v).toEqual([{ pointer: "/node_execution_details", expected: "an array of at most 200 node execution details, or null" }]);
    expect(violationsAfter((b) => (b.node_execution_details = Array(200).fill(b.node_execution_details[0])))).toEqual([]);
  });

  it("does not cap executions of one node (full history can exceed the documented 200)", () => {
    expect(violationsAfter((b) => (b.node_execution_details[0].executions = Array(500).fill(b.node_execution_details[0].executions[0])))).toEqual([]);
  });

  it.each([
    [-1, "an integer of UTC epoch milliseconds between 0 and 8640000000000000"],
    [1.5, "an integer"],
    ["1605119892050", "an integer"],
    [8_640_000_000_000_001, "an integer of UTC epoch milliseconds between 0 and 8640000000000000"],
  ])("rejects node begin_time %j", (value, expected) => {
    expect(violationsAfter((b) => (b.node_execution_details[0].executions[0].begin_time = value))).toEqual([
      { pointer: "/node_execution_details/0/executions/0/begin_time", expected },
    ]);
  });

  it("rejects a non-string request_id and a non-object error_message", () => {
    expect(violationsAfter((b) => (b.node_execution_details[0].executions[0].request_id = 5))[0].pointer).toBe(
      "/node_execution_details/0/executions/0/request_id",
    );
    expect(violationsAfter((b) => (b.node_execution_details[0].executions[0].error_message = "boom"))).toEqual([
      { pointer: "/node_execution_details/0/executions/0/error_message", expected: "an object or null" },
    ]);
  });
});

describe("tolerance", () => {
  it("accepts unknown properties at every level", () => {
    const v = violationsAfter((b) => {
      b.future_field = { any: [1, 2] };
      b.node_execution_details[0].extra = true;
      b.node_execution_details[0].executions[0].retry_count = 3;
    });
    expect(v).toEqual([]);
  });

  it("accepts null for headers, input, output, error_message, node lists and executions", () => {
    const v = violationsAfter((b) => {
      b.headers = b.input = b.output = null;
      const e = b.node_execution_details[0].executions[0];
      e.input = e.output = e.error_message = null;
    });
    expect(v).toEqual([]);
    expect(violationsAfter((b) => (b.node_execution_details = null))).toEqual([]);
    expect(violationsAfter((b) => (b.node_execution_details[0].executions = null))).toEqual([]);
  });

  it("accepts a body with only the required fields", () => {
    expect(validateBody("execution", { workflow_id: "w", workflow_urn: "urn:fss:r:p:workflow:d:n:v", execution_id: "e", status: "success" })).toEqual([]);
  });

  it("does not accept null for strings the gate decides on", () => {
    expect(violationsAfter((b) => (b.status = null))).toEqual([{ pointer: "/status", expected: ENUM_TEXT }]);
    expect(violationsAfter((b) => (b.begin_time = null))[0].pointer).toBe("/begin_time");
  });
});
