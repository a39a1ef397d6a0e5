/**
 * The pure pieces the provider host runs: payload splitting, state mapping, check/diff, config picking.
 */
import type { WorkflowExecution } from "../../provider/model/types";
import { payloadsOf, withoutPayloads } from "../../provider/pulumi/payloads";
import { pickInputs, toGetArgs, toState } from "../../provider/pulumi/resourceState";
import { checkForProvider, diffForProvider, pickProviderConfig } from "../../provider/pulumi/runtime";

const execution: WorkflowExecution = {
  workflowId: "wf-1",
  workflowUrn: "urn:fss:cn-north-4:p1:workflow:pkg:release:latest",
  urn: { region: "cn-north-4", projectId: "p1", package: "pkg", workflowName: "release", version: "latest" },
  executionId: "ex-1",
  status: "fail",
  terminal: true,
  succeeded: false,
  headers: { authorization: "H-SECRET" },
  input: { password: "I-SECRET" },
  output: { token: "O-SECRET" },
  beginTime: "2024-05-06T07:08:09.000Z",
  endTime: undefined,
  nodes: [
    {
      nodeId: "n1",
      nodeName: "deploy",
      executionId: "nx",
      executions: [{ status: "fail", input: { key: "NI-SECRET" }, output: { key: "NO-SECRET" }, error: "boom" }],
    },
  ],
  failedNodes: [],
};
execution.failedNodes = [execution.nodes[0]];

test("withoutPayloads keeps status, URN, node names and errors but no payload", () => {
  const plain = withoutPayloads(execution);
  const text = JSON.stringify(plain);
  expect(text).not.toMatch(/SECRET/);
  expect(plain).toMatchObject({ status: "fail", workflowUrn: execution.workflowUrn });
  expect(plain.failedNodes[0]).toMatchObject({ nodeName: "deploy", executions: [{ status: "fail", error: "boom" }] });
  expect("input" in plain.nodes[0].executions[0]).toBe(false);
});

test("payloadsOf holds every payload, node by node", () => {
  const p = payloadsOf(execution);
  expect(p).toEqual({
    headers: execution.headers,
    input: execution.input,
    output: execution.output,
    nodes: [{ nodeId: "n1", nodeName: "deploy", executions: [{ input: { key: "NI-SECRET" }, output: { key: "NO-SECRET" } }] }],
  });
});

test("toState echoes inputs, renames urn to urnParts, moves node payloads, drops undefined", () => {
  const state = toState({ workflowId: "wf-1", executionId: "ex-1", requireStatus: "success" }, execution);
  expect(state).toMatchObject({ workflowId: "wf-1", executionId: "ex-1", requireStatus: "success", status: "fail" });
  expect(state.urnParts.workflowName).toBe("release");
  expect("urn" in state).toBe(false);
  expect("endTime" in state).toBe(false);
  expect(state.failedNodeNames).toEqual(["deploy"]);
  expect(JSON.stringify(state.nodes)).not.toMatch(/SECRET/);
  expect(state.nodePayloads[0].executions[0].input).toEqual({ key: "NI-SECRET" });
});

test("pickInputs keeps only inputs; toGetArgs reads by the resource ID", () => {
  const inputs = pickInputs({ workflowId: "wf", executionId: "old", status: "success", __provider: "x", exposePayloads: true });
  expect(inputs).toEqual({ workflowId: "wf", executionId: "old", exposePayloads: true });
  // exposePayloads also lets the gate's messages quote the values conditions read.
  expect(toGetArgs("new", inputs)).toEqual({ workflowId: "wf", executionId: "new", exposePayloads: true });
});

test("check reports failures but leaves the engine's unknown sentinel alone", () => {
  const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  expect(checkForProvider({ workflowId: "wf", executionId: unknown }).failures).toEqual([]);
  const bad = checkForProvider({ workflowId: "wf", executionId: "a?b" }).failures;
  expect(bad.map((f) => f.property)).toEqual(["executionId"]);
});

test("diff: no noise for output changes, replace for another execution", () => {
  const olds = { workflowId: "wf", executionId: "e1", status: "running", __provider: "old code" };
  expect(diffForProvider(olds, { workflowId: "wf", executionId: "e1", __provider: "new code" })).toEqual({ changes: false, replaces: [] });
  expect(diffForProvider(olds, { workflowId: "wf", executionId: "e2" })).toEqual({ changes: true, replaces: ["executionId"] });
  expect(diffForProvider(olds, { workflowId: "wf", executionId: "e1", mode: "warn" })).toEqual({ changes: true, replaces: [] });
});

test("pickProviderConfig keeps only the huaweicloud keys it needs, and tolerates a missing Configure", () => {
  const all: Record<string, string> = { "huaweicloud:accessKey": "AK", "huaweicloud:secretKey": "SK", "proj:other": "x", "huaweicloud:region": "" };
  expect(pickProviderConfig({ get: (k) => all[k] })).toEqual({ "huaweicloud:accessKey": "AK", "huaweicloud:secretKey": "SK" });
  expect(pickProviderConfig({ get: () => { throw new TypeError("no config"); } })).toEqual({});
  expect(pickProviderConfig(undefined)).toEqual({});
});
