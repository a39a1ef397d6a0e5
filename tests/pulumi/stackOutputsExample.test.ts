/**
 * Runs `examples/stack-outputs` as written, under `setMocks` against the emulator (it uses only the Output
 * function, so no provider host is involved), and checks what other stacks and CI would read.
 */
import * as pulumi from "@pulumi/pulumi";
import { SCENARIO_IDS, startTestEmulator, type Emulator } from "./harness/emulator";
import { isSecret, valueOf } from "./harness/outputs";
import { useRecordingMocks } from "./harness/recordingMocks";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());

test("exports status, URN and failed nodes of a failed run, in plain text, without payloads", async () => {
  await useRecordingMocks(undefined, { project: "fgs-execution-outputs" });
  pulumi.runtime.setAllConfig({
    "fgs-execution-outputs:workflowId": SCENARIO_IDS.workflow,
    "fgs-execution-outputs:executionId": SCENARIO_IDS.executions.fail,
    "fgs-execution-outputs:endpoint": emulator.url,
    "fgs-execution-outputs:projectId": SCENARIO_IDS.projectId,
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud:secretKey": emulator.credentials.secretKey,
  });
  const program = require("../../examples/stack-outputs") as Record<string, pulumi.Output<unknown>>;
  const values: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(program)) {
    values[name] = await valueOf(output);
    expect(await isSecret(output)).toBe(false);
  }
  expect(values).toMatchObject({
    status: "fail",
    succeeded: false,
    terminal: true,
    workflowName: SCENARIO_IDS.workflowName,
    failedNodes: [{ name: "integration-tests", status: "fail", error: expect.stringContaining("3 of 120") }],
  });
  expect(values.workflowUrn).toMatch(/^urn:fss:cn-north-4:/);
  // The run's input (git ref, commit) must not leak into any export.
  expect(JSON.stringify(values)).not.toMatch(/refs\/heads|4f9d2c1/);
});
