/**
 * The published ShowWorkflowExecution example (API reference, section 0) validates and maps to exactly
 * this model: every field, every conversion, nothing extra.
 */
import { toWorkflowExecution } from "../../provider/model/map";
import { validateBody } from "../../provider/model/validate";
import type { WorkflowExecution } from "../../provider/model/types";
import { example, EXAMPLE_TEXT } from "./helpers";

const args = { arg1: "argument_1", arg2: "argument_2" };
const expected: WorkflowExecution = {
  workflowId: "48aff955-ea10-4ffd-b426-190bc192dc14",
  workflowUrn: "urn:fss:cn-north-7:73d69ae0cfcf460190522d060f05ad:workflow:default:testflow:latest",
  urn: {
    region: "cn-north-7",
    projectId: "73d69ae0cfcf460190522d060f05ad",
    package: "default",
    workflowName: "testflow",
    version: "latest",
  },
  executionId: "48aff955-ea10-4ffd-b426-190bc192dc14",
  status: "running",
  terminal: false,
  succeeded: false,
  headers: { tenantId: "user1" },
  input: args,
  output: args,
  beginTime: "2021-01-01T00:00:00.000Z",
  endTime: "2021-01-01T00:00:00.000Z",
  lastUpdateTime: "2021-01-01T00:00:00.000Z",
  durationMs: 0,
  createdBy: "admin",
  nodes: [
    {
      nodeId: "48aff955-ea10-4ffd-b426-190bc192dc14",
      nodeName: "string",
      executionId: "string",
      executions: [
        {
          status: "running",
          input: args,
          output: args,
          beginTime: "2020-11-11T18:38:12.050Z",
          endTime: "2020-11-11T18:38:12.050Z",
          durationMs: 0,
          errorMessage: { 'detail:"Execution failed"': null },
          error: 'detail:"Execution failed"',
          requestId: "string",
        },
      ],
    },
  ],
  failedNodes: [],
};

describe("published example", () => {
  it("is the verbatim fixture", () => {
    expect(EXAMPLE_TEXT.trim().startsWith('{"workflow_id":"48aff955-ea10-4ffd-b426-190bc192dc14"')).toBe(true);
    expect(EXAMPLE_TEXT).toContain('"error_message":{"detail:\\"Execution failed\\"":null}');
  });

  it("validates without violations", () => {
    expect(validateBody("execution", example())).toEqual([]);
  });

  it("maps to exactly the expected model", () => {
    expect(toWorkflowExecution(example())).toStrictEqual(expected);
  });

  it("serialises in the interface's property order with no undefined values", () => {
    const model = toWorkflowExecution(example());
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(expected);
    expect(Object.keys(model)).toEqual(Object.keys(expected));
    expect(Object.keys(model.nodes[0].executions[0])).toEqual(Object.keys(expected.nodes[0].executions[0]));
  });

  it("keeps opaque objects by reference instead of copying them", () => {
    const body = example();
    const model = toWorkflowExecution(body);
    expect(model.headers).toBe(body.headers);
    expect(model.input).toBe(body.input);
    expect(model.output).toBe(body.output);
    const src = body.node_execution_details![0].executions![0];
    const node = model.nodes[0].executions[0];
    expect(node.input).toBe(src.input);
    expect(node.output).toBe(src.output);
    expect(node.errorMessage).toBe(src.error_message);
  });
});
