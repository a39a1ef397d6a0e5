/**
 * Program-side wiring of the WorkflowExecution dynamic resource under plain mocks (no provider host):
 * type token, read-by-ID routing, declared outputs, additionalSecretOutputs, constructor validation.
 */
import * as pulumi from "@pulumi/pulumi";
import { isConfigurationError } from "../../provider/errors";
import { OUTPUT_KEYS } from "../../provider/pulumi/resourceState";
import { WORKFLOW_EXECUTION_TYPE, WorkflowExecutionResource } from "../../provider/pulumi/resource";
import { valueOf } from "./harness/outputs";
import { useRecordingMocks, type Recorded } from "./harness/recordingMocks";

const base = { workflowId: "wf-1", executionId: "ex-1", endpoint: "http://127.0.0.1:9", projectId: "p1" };

/** What the provider's read would return, shaped like its real state. */
function readState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  return {
    ...args.inputs,
    executionId: args.id,
    workflowUrn: "urn:fss:cn-north-4:p1:workflow:pkg:release:latest",
    urnParts: { region: "cn-north-4", projectId: "p1", package: "pkg", workflowName: "release", version: "latest" },
    status: "success",
    terminal: true,
    succeeded: true,
    input: { token: "payload-secret" },
    nodes: [{ nodeId: "n1", nodeName: "build", executionId: "nx", executions: [{ status: "success" }] }],
    failedNodes: [],
    failedNodeNames: [],
    nodePayloads: [{ nodeId: "n1", nodeName: "build", executions: [{ output: { k: "v" } }] }],
  };
}

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await useRecordingMocks((a) => (a.type === WORKFLOW_EXECUTION_TYPE ? readState(a) : a.inputs));
});
const find = (name: string) => recorded.find((r) => r.name === name)!;

test("registers as a read of pulumi-nodejs:dynamic/fgs:WorkflowExecution with the execution ID", async () => {
  const gate = new WorkflowExecutionResource("gate-a", { ...base, requireStatus: "success" });
  expect(await valueOf(gate.id)).toBe("ex-1");
  const r = find("gate-a");
  expect(r.type).toBe("pulumi-nodejs:dynamic/fgs:WorkflowExecution");
  expect(r.id).toBe("ex-1");
  expect(r.custom).toBe(true);
  expect(typeof r.inputs.__provider).toBe("string");
  expect(r.inputs).toMatchObject({ ...base, requireStatus: "success" });
  // Output-only keys are registered as undefined (so they have resolvers) and never sent as values.
  for (const key of OUTPUT_KEYS) expect(r.inputs[key]).toBeUndefined();
});

test("routes an Output executionId to opts.id", async () => {
  const gate = new WorkflowExecutionResource("gate-b", { ...base, executionId: pulumi.output("ex-2"), workflowId: pulumi.output("wf-2") });
  expect(await valueOf(gate.id)).toBe("ex-2");
  expect(find("gate-b").id).toBe("ex-2");
});

test("declared outputs resolve (declare readonly, not class fields)", async () => {
  const gate = new WorkflowExecutionResource("gate-c", base);
  expect(await valueOf(gate.status)).toBe("success");
  expect(await valueOf(gate.succeeded)).toBe(true);
  expect(await valueOf(gate.workflowUrn)).toMatch(/^urn:fss:/);
  expect((await valueOf(gate.urnParts)).workflowName).toBe("release");
  expect((await valueOf(gate.nodes))[0].nodeName).toBe("build");
  expect(await valueOf(gate.failedNodeNames)).toEqual([]);
  expect(await valueOf(gate.urn)).toContain("fgs:WorkflowExecution::gate-c");
});

test("payload outputs are additionalSecretOutputs unless exposePayloads", async () => {
  const secret = new WorkflowExecutionResource("gate-d", base, { additionalSecretOutputs: ["createdBy"] });
  const plain = new WorkflowExecutionResource("gate-e", { ...base, exposePayloads: true });
  await Promise.all([valueOf(secret.id), valueOf(plain.id)]);
  expect(find("gate-d").additionalSecretOutputs.sort()).toEqual(["createdBy", "headers", "input", "nodePayloads", "output"]);
  expect(find("gate-e").additionalSecretOutputs).toEqual([]);
  expect(find("gate-e").inputs.exposePayloads).toBe(true);
});

test("a Date notBefore is stored as an ISO string", async () => {
  const gate = new WorkflowExecutionResource("gate-f", { ...base, notBefore: new Date("2024-05-06T07:08:09Z") });
  await valueOf(gate.id);
  expect(find("gate-f").inputs.notBefore).toBe("2024-05-06T07:08:09.000Z");
});

test.each([
  [{ executionId: "a/b" }, "executionId"],
  [{ workflowId: "" }, "workflowId"],
  [{ requireStatus: "running" }, "requireStatus"],
  [{ mode: "lenient" }, "mode"],
  [{ endpoint: "http://example.com" }, "endpoint"],
  [{ maxRetries: -1 }, "maxRetries"],
  // The library caps retries at 20: the resource must refuse what the read would refuse.
  [{ maxRetries: 50 }, "maxRetries"],
  // An Output is truthy: taken as "expose", it would have put payloads in plain state.
  [{ exposePayloads: pulumi.output(true) }, "exposePayloads"],
])("rejects bad known inputs in the constructor: %j", (bad, setting) => {
  const attempt = () => new WorkflowExecutionResource("bad", { ...base, ...bad } as never);
  expect(attempt).toThrow(expect.objectContaining({ setting }));
  try {
    attempt();
  } catch (e) {
    expect(isConfigurationError(e)).toBe(true);
  }
});

test("refuses credentials as inputs and never echoes their value", () => {
  const attempt = () => new WorkflowExecutionResource("creds", { ...base, secretKey: "SK-VALUE-123" } as never);
  expect(attempt).toThrow(/secretKey is not an input/);
  expect(attempt).not.toThrow(/SK-VALUE-123/);
});

test("skips validation of inputs that are not known yet (Outputs); the provider's read checks them", async () => {
  const later = new WorkflowExecutionResource("later", { ...base, region: pulumi.output("whatever") });
  expect(await valueOf(later.id)).toBe("ex-1");
});
