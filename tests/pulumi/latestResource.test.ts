/**
 * Program-side wiring of the LatestWorkflowExecution dynamic resource under plain mocks (no provider
 * host): type token, read by the synthetic ID, the program's `id` staying that ID whatever the read
 * answers, declared outputs, additionalSecretOutputs, constructor validation.
 */
import * as pulumi from "@pulumi/pulumi";
import { markGateMocks } from "../../provider/pulumi/mockSource";
import { isConfigurationError } from "../../provider/errors";
import { LATEST_WORKFLOW_EXECUTION_TYPE, LatestWorkflowExecution } from "../../provider/pulumi/latestResource";
import { LATEST_OUTPUT_KEYS } from "../../provider/pulumi/latestState";
import { valueOf } from "./harness/outputs";
import { recordSecretOutputs } from "./harness/recordingMocks";

const base = { endpoint: "http://127.0.0.1:9", projectId: "p1" };

interface Seen extends pulumi.runtime.MockResourceArgs {
  additionalSecretOutputs: string[];
}
const seen: Seen[] = [];
const find = (name: string) => seen.find((r) => r.name === name)!;

/** What the provider's read returns, shaped like its real state: the run is `run-42` of workflow `wf-9`. */
function readState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  return {
    ...args.inputs,
    workflowId: "wf-9",
    executionId: "run-42",
    workflowUrn: "urn:fss:cn-north-4:p1:workflow:pkg:release:latest",
    urnParts: { region: "cn-north-4", projectId: "p1", package: "pkg", workflowName: "release", version: "latest" },
    status: "success",
    terminal: true,
    succeeded: true,
    input: { token: "payload-secret" },
    nodes: [{ nodeId: "n1", nodeName: "build", executionId: "nx", executions: [{ status: "success" }] }],
    failedNodes: [],
    failedNodeNames: [],
    nodePayloads: [],
  };
}

beforeAll(async () => {
  const secretOutputs = new Map<string, string[]>();
  await pulumi.runtime.setMocks(
    markGateMocks({
      call: () => ({}),
      newResource: async (args) => {
        seen.push({ ...args, additionalSecretOutputs: secretOutputs.get(args.name) ?? [] });
        // Answer reads with the run's ID, as a provider that returned it would: the SDK must ignore it.
        return { id: args.id ? "run-42" : `${args.name}-id`, state: readState(args) };
      },
    }),
    "fgs-gate-test",
    "test",
    false,
  );
  recordSecretOutputs(secretOutputs);
});

test("registers as a read of pulumi-nodejs:dynamic/fgs:LatestWorkflowExecution by the synthetic ID", async () => {
  const gate = new LatestWorkflowExecution("latest-a", {
    ...base,
    workflowName: "release",
    statusFilter: "success",
    since: new Date("2024-05-06T07:08:09Z"),
    requireStatus: "success",
  });
  await valueOf(gate.urn);
  const r = find("latest-a");
  expect(r.type).toBe(LATEST_WORKFLOW_EXECUTION_TYPE);
  expect(r.id).toBe("latest:name:release");
  expect(r.custom).toBe(true);
  expect(typeof r.inputs.__provider).toBe("string");
  expect(r.inputs).toMatchObject({ ...base, workflowName: "release", statusFilter: "success", since: "2024-05-06T07:08:09.000Z" });
  expect(r.inputs.__provider).not.toMatch(/127\.0\.0\.1:9/);
  // Output-only keys (the chosen run included) are registered as undefined and never sent as values.
  for (const key of LATEST_OUTPUT_KEYS) expect(r.inputs[key]).toBeUndefined();
});

test("the program's id stays the synthetic ID even when the read answers another; the run is executionId", async () => {
  const gate = new LatestWorkflowExecution("latest-b", { ...base, workflowId: "wf-9" });
  expect(await valueOf(gate.id)).toBe("latest:id:wf-9");
  expect(find("latest-b").id).toBe("latest:id:wf-9");
  expect(await valueOf(gate.executionId)).toBe("run-42");
});

test("a workflow given as an Output still gets a synthetic ID", async () => {
  const gate = new LatestWorkflowExecution("latest-c", { ...base, workflowName: pulumi.output("nightly") });
  expect(await valueOf(gate.id)).toBe("latest:name:nightly");
});

test("declared outputs resolve, workflowId too when the workflow was given by name", async () => {
  const gate = new LatestWorkflowExecution("latest-d", { ...base, workflowName: "release" });
  expect(await valueOf(gate.workflowId)).toBe("wf-9");
  expect(await valueOf(gate.workflowName)).toBe("release");
  expect(await valueOf(gate.status)).toBe("success");
  expect(await valueOf(gate.succeeded)).toBe(true);
  expect((await valueOf(gate.urnParts)).workflowName).toBe("release");
  expect((await valueOf(gate.nodes))[0].nodeName).toBe("build");
  expect(await valueOf(gate.failedNodeNames)).toEqual([]);
  expect(await valueOf(gate.urn)).toContain("fgs:LatestWorkflowExecution::latest-d");
});

test("payload outputs are additionalSecretOutputs unless exposePayloads", async () => {
  const secret = new LatestWorkflowExecution("latest-e", { ...base, workflowId: "wf-9" }, { additionalSecretOutputs: ["createdBy"] });
  const plain = new LatestWorkflowExecution("latest-f", { ...base, workflowId: "wf-9", exposePayloads: true });
  await Promise.all([valueOf(secret.urn), valueOf(plain.urn)]);
  expect(find("latest-e").additionalSecretOutputs.sort()).toEqual(["createdBy", "headers", "input", "nodePayloads", "output"]);
  expect(find("latest-f").additionalSecretOutputs).toEqual([]);
});

test.each([
  [{}, "workflowId"],
  [{ workflowId: "wf", workflowName: "n" }, "workflowName"],
  [{ workflowName: "n", statusFilter: "scheduled" }, "statusFilter"],
  [{ workflowName: "n", since: "2024-05-06" }, "since"],
  [{ workflowName: "n", requireStatus: "running" }, "requireStatus"],
  [{ workflowName: "n", endpoint: "http://example.com" }, "endpoint"],
])("rejects bad known inputs in the constructor: %j", (bad, setting) => {
  const attempt = () => new LatestWorkflowExecution("bad", { ...base, ...bad } as never);
  expect(attempt).toThrow(expect.objectContaining({ setting }));
  try {
    attempt();
  } catch (e) {
    expect(isConfigurationError(e)).toBe(true);
    expect((e as Error).message).toMatch(/^LatestWorkflowExecution "bad": /);
  }
});

test("refuses credentials as inputs and never echoes their value", () => {
  const attempt = () => new LatestWorkflowExecution("creds", { ...base, workflowId: "wf", accessKey: "AK-VALUE-123" } as never);
  expect(attempt).toThrow(/accessKey is not an input/);
  expect(attempt).not.toThrow(/AK-VALUE-123/);
});

test("skips validation of inputs that are not known yet; the provider's read checks them", async () => {
  const later = new LatestWorkflowExecution("later", { ...base, workflowId: "wf", statusFilter: pulumi.output("whatever" as never) });
  expect(await valueOf(later.id)).toBe("latest:id:wf");
});
