/**
 * The pure pieces of LatestWorkflowExecution that the provider host runs: the synthetic ID, which inputs
 * a read uses (a read from the program, or a refresh that sends the prior outputs), the mapping to
 * getLatestWorkflowExecution and to state, check/diff, and validation.
 */
import type { WorkflowExecution } from "../../provider/model/types";
import {
  LATEST_WORKFLOW_EXECUTION_TYPE,
  latestIdOf,
  latestInputsFor,
  parseLatestId,
  toLatestArgs,
  toLatestState,
} from "../../provider/pulumi/latestState";
import { checkLatestForProvider, diffLatestForProvider } from "../../provider/pulumi/runtime";
import { validateLatestInputs } from "../../provider/pulumi/validate";

const execution: WorkflowExecution = {
  workflowId: "wf-resolved",
  workflowUrn: "urn:fss:cn-north-4:p1:workflow:pkg:release:latest",
  urn: { region: "cn-north-4", projectId: "p1", package: "pkg", workflowName: "release", version: "latest" },
  executionId: "run-7",
  status: "success",
  terminal: true,
  succeeded: true,
  input: { token: "I-SECRET" },
  beginTime: "2024-05-06T07:08:09.000Z",
  nodes: [{ nodeId: "n1", nodeName: "build", executionId: "nx", executions: [{ status: "success", output: { k: "NO-SECRET" } }] }],
  failedNodes: [],
};

test("the type token is fixed", () => {
  expect(LATEST_WORKFLOW_EXECUTION_TYPE).toBe("pulumi-nodejs:dynamic/fgs:LatestWorkflowExecution");
});

test("synthetic IDs name the lookup, round-trip, and need exactly one of workflowId and workflowName", () => {
  expect(latestIdOf({ workflowId: "wf-1" })).toBe("latest:id:wf-1");
  expect(latestIdOf({ workflowName: "release: checks/v2" })).toBe("latest:name:release: checks/v2");
  expect(parseLatestId("latest:name:release: checks/v2")).toEqual({ by: "name", value: "release: checks/v2" });
  expect(parseLatestId("latest:id:wf-1")).toEqual({ by: "id", value: "wf-1" });
  for (const other of ["exec-1", "latest:", "latest:id:", "latest:other:x"]) expect(parseLatestId(other)).toBeUndefined();
  expect(() => latestIdOf({})).toThrow(expect.objectContaining({ setting: "workflowId" }));
  expect(() => latestIdOf({ workflowId: "a", workflowName: "b" })).toThrow(/not both/);
});

test("a refresh (props = prior outputs) repeats the lookup by name: resolved workflowId and old run ignored", () => {
  const priorOutputs = {
    workflowName: "release",
    workflowId: "wf-resolved",
    executionId: "run-6",
    status: "success",
    statusFilter: "success",
    requireStatus: "success",
    __provider: "code",
  };
  expect(latestInputsFor("latest:name:release", priorOutputs)).toEqual({
    workflowName: "release",
    statusFilter: "success",
    requireStatus: "success",
  });
  // By ID, the echoed workflowId is the lookup itself.
  expect(latestInputsFor("latest:id:wf-1", { workflowId: "wf-1", executionId: "run-6" })).toEqual({ workflowId: "wf-1" });
  // With no props (a bare get by ID), the ID names the workflow.
  expect(latestInputsFor("latest:name:release", undefined)).toEqual({ workflowName: "release" });
  expect(latestInputsFor("latest:id:wf-9", {})).toEqual({ workflowId: "wf-9" });
  // Both given (only possible through Outputs) stays both, so validation rejects it.
  expect(latestInputsFor("latest:id:wf-1", { workflowId: "wf-1", workflowName: "x" })).toEqual({ workflowId: "wf-1", workflowName: "x" });
});

test("toLatestArgs renames statusFilter to status and passes exposePayloads to the gate (messages may quote values)", () => {
  expect(toLatestArgs({ workflowName: "release", statusFilter: "fail", exposePayloads: true, since: "2024-05-06T00:00:00Z" })).toEqual({
    workflowName: "release",
    status: "fail",
    exposePayloads: true,
    since: "2024-05-06T00:00:00Z",
  });
  expect(toLatestArgs({ workflowId: "wf" })).toEqual({ workflowId: "wf" });
});

test("toLatestState echoes inputs, adds the chosen run and the resolved workflow, moves payloads", () => {
  const state = toLatestState({ workflowName: "release", requireStatus: "success" }, execution);
  expect(state).toMatchObject({
    workflowName: "release",
    workflowId: "wf-resolved",
    executionId: "run-7",
    status: "success",
    requireStatus: "success",
    failedNodeNames: [],
    urnParts: { workflowName: "release" },
  });
  expect(JSON.stringify(state.nodes)).not.toMatch(/SECRET/);
  expect(state.nodePayloads[0].executions[0].output).toEqual({ k: "NO-SECRET" });
  expect(state.input).toEqual({ token: "I-SECRET" });
  expect("endTime" in state).toBe(false);
});

test("check validates the lookup but leaves the engine's unknown sentinel alone", () => {
  const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  expect(checkLatestForProvider({ workflowName: unknown, statusFilter: unknown }).failures).toEqual([]);
  expect(checkLatestForProvider({ workflowName: "r", statusFilter: "scheduled" }).failures.map((f) => f.property)).toEqual(["statusFilter"]);
});

test("diff: outputs (run, resolved ID) are no change; another workflow is a replacement", () => {
  const olds = { workflowName: "release", workflowId: "wf-resolved", executionId: "run-6", status: "fail", __provider: "old" };
  expect(diffLatestForProvider("latest:name:release", olds, { workflowName: "release", __provider: "new" })).toEqual({ changes: false, replaces: [] });
  expect(diffLatestForProvider("latest:name:release", olds, { workflowName: "other" }).replaces).toEqual(["workflowName"]);
  expect(diffLatestForProvider("latest:name:release", olds, { workflowName: "release", mode: "warn" })).toEqual({ changes: true, replaces: [] });
});

test.each([
  [{}, "workflowId", /workflowId or workflowName/],
  [{ workflowId: "wf", workflowName: "n" }, "workflowName", /not both/],
  [{ workflowId: "a/b" }, "workflowId", /not allowed/],
  [{ workflowName: " padded" }, "workflowName", /white space/],
  [{ workflowName: "n", statusFilter: "scheduled" }, "statusFilter", /list API/],
  [{ workflowName: "n", since: "2024-05-06 07:08:09" }, "since", /zone/],
  [{ workflowName: "n", until: "yesterday" }, "until", /zone/],
  [{ workflowName: "n", since: "2024-05-07T00:00:00Z", until: "2024-05-06T00:00:00Z" }, "since", /after until/],
  [{ workflowName: "n", requireStatus: "running" }, "requireStatus", /not a final status/],
  [{ workflowName: "n", secretKey: "SK-VALUE" }, "secretKey", /not an input/],
])("validateLatestInputs rejects %j", (inputs, property, reason) => {
  const failures = validateLatestInputs(inputs as Record<string, unknown>);
  expect(failures.map((f) => f.property)).toContain(property);
  expect(failures.find((f) => f.property === property)!.reason).toMatch(reason);
  expect(JSON.stringify(failures)).not.toContain("SK-VALUE");
});

test("validateLatestInputs accepts a good lookup and defers unknown values", () => {
  expect(validateLatestInputs({ workflowName: "release", statusFilter: "success", since: new Date(0), until: "2030-01-01T00:00:00+08:00" })).toEqual([]);
  const later = () => false;
  // Both present but not known yet: the read decides.
  expect(validateLatestInputs({ workflowId: {}, workflowName: {} }, later)).toEqual([]);
});
