/**
 * Program side: the Output functions under `setMocks`, reading from the emulator (they run in the program
 * process, so there is no provider host). Credentials come from stack config (`huaweicloud:*`).
 */
import * as pulumi from "@pulumi/pulumi";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { getWorkflowExecutionOutput, getWorkflowExecutionWithPayloadsOutput } from "../../provider/pulumi/output";
import { SCENARIO_IDS, at, startTestEmulator, type Emulator } from "./harness/emulator";
import { isKnown, isSecret, quiet, valueOf } from "./harness/outputs";
import { useRecordingMocks } from "./harness/recordingMocks";

const ids = SCENARIO_IDS.executions;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  // A registration that takes a while, to show that `dependsOn` waits for it.
  await useRecordingMocks(async (a) => {
    if (a.name === "slow") await new Promise((r) => setTimeout(r, 300));
    return a.inputs;
  });
  pulumi.runtime.setAllConfig({
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud:secretKey": emulator.credentials.secretKey,
  });
});
afterAll(() => emulator?.close());

test("reads the execution; payloads are left out and the result is not secret", async () => {
  const out = getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.success, requireStatus: "success" });
  const e = await valueOf(out);
  expect(e).toMatchObject({ status: "success", succeeded: true, executionId: ids.success });
  expect(e.nodes).toHaveLength(4);
  expect(e.input).toBeUndefined();
  expect(e.headers).toBeUndefined();
  expect(JSON.stringify(e.nodes)).not.toMatch(/"input"|"output"/);
  expect(await isSecret(out)).toBe(false);
});

test("exposePayloads keeps the payloads inline (opt-out, plain text)", async () => {
  const e = await valueOf(getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.success, exposePayloads: true }));
  expect(e.input).toMatchObject({ version: "1.4.2" });
  expect(e.nodes[0].executions[0].output).toBeDefined();
});

test("getWorkflowExecutionWithPayloadsOutput: plain summary, secret payloads, one read", async () => {
  const before = emulator.requests.length;
  const { execution, payloads } = getWorkflowExecutionWithPayloadsOutput({ ...at(emulator), executionId: ids.success });
  expect((await valueOf(execution)).status).toBe("success");
  expect(await isSecret(execution)).toBe(false);
  expect(await isSecret(payloads)).toBe(true);
  const p = await valueOf(payloads);
  expect(p.output).toMatchObject({ result: "passed" });
  expect(p.nodes.map((n) => n.nodeName)).toEqual(["build", "unit-tests", "integration-tests", "deploy-canary"]);
  expect(emulator.requests.length - before).toBe(1);
});

test("accepts Outputs for every argument; a secret input makes the result secret", async () => {
  const out = getWorkflowExecutionOutput({
    ...at(emulator),
    executionId: pulumi.output(ids.success),
    projectId: pulumi.secret(SCENARIO_IDS.projectId),
    requireStatus: pulumi.output(["success" as const]),
  });
  expect((await valueOf(out)).status).toBe("success");
  expect(await isSecret(out)).toBe(true);
});

test("a failed gate rejects the Output with the WorkflowGateError naming the node", async () => {
  const out = getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.fail, requireStatus: "success" });
  quiet(out);
  const err = await valueOf(out).catch((e) => e);
  expect(isWorkflowGateError(err)).toBe(true);
  expect(err.message).toContain("node integration-tests failed");
});

test("a Date notBefore survives pulumi.output (an old run is stale)", async () => {
  const out = getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.success, notBefore: new Date() });
  quiet(out);
  const err = await valueOf(out).catch((e) => e);
  expect(err.code).toBe("FGS_GATE_STALE");
});

test("mode warn logs through pulumi.log.warn and returns the run", async () => {
  const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(async () => undefined);
  try {
    const e = await valueOf(getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.fail, requireStatus: "success", mode: "warn" }));
    expect(e.status).toBe("fail");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("integration-tests"));
  } finally {
    warn.mockRestore();
  }
});

test("dependsOn: the read waits until the resources are registered", async () => {
  class Slow extends pulumi.CustomResource {
    constructor(name: string) {
      super("test:index:Slow", name, {});
    }
  }
  const slow = new Slow("slow");
  let registeredAt = 0;
  slow.urn.apply(() => (registeredAt = Date.now()));
  const before = emulator.requests.length;
  const e = await valueOf(getWorkflowExecutionOutput({ ...at(emulator), executionId: ids.success }, { dependsOn: [slow] }));
  expect(e.status).toBe("success");
  const read = emulator.requests.slice(before).find((r) => r.path.endsWith(ids.success))!;
  expect(registeredAt).toBeGreaterThan(0);
  expect(read.at).toBeGreaterThanOrEqual(registeredAt - 5);
});

test("an unknown executionId (preview) makes no request and yields an unknown Output", async () => {
  const before = emulator.requests.length;
  const unknownId = pulumi.output(Promise.resolve(ids.success)).apply(() => pulumi.unknown as unknown as string);
  const out = getWorkflowExecutionOutput({ ...at(emulator), executionId: unknownId });
  expect(await isKnown(out)).toBe(false);
  expect(emulator.requests.length).toBe(before);
});
