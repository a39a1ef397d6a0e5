/**
 * Unit tests of the stack in index.ts with Jest: each gate decides on a canned run, exactly as it would on
 * the real one, and nothing is sent to Huawei Cloud. Copy this file next to your stack.
 */
import * as pulumi from "@pulumi/pulumi";
import { isWorkflowGateError } from "fgs-workflow-gate";
import { cannedExecution, mockWorkflowGates, outputValue, type WorkflowGateMockOptions } from "fgs-workflow-gate/testing";

const WORKFLOW = "wf-release-checks";

const passed = cannedExecution({
  status: "success",
  workflowId: WORKFLOW,
  executionId: "exec-passed",
  nodes: [{ name: "build" }, { name: "integration-tests" }],
});
const failed = cannedExecution({
  status: "fail",
  workflowId: WORKFLOW,
  executionId: "exec-failed",
  nodes: [{ name: "build" }, { name: "integration-tests", status: "fail", error: { code: "FSS.1051", message: "3 of 120 tests failed" } }],
});

/** Installs the mocks, sets the stack config CI would set, and runs the program. */
async function runStack(executionId: string, options: Partial<WorkflowGateMockOptions> = {}) {
  const gates = await mockWorkflowGates({ project: "release", executions: { "exec-passed": passed, "exec-failed": failed }, ...options });
  pulumi.runtime.setAllConfig({ "release:workflowId": WORKFLOW, "release:executionId": executionId });
  let stack!: typeof import("./index");
  // A fresh copy of the program for each test, under the mocks just installed.
  jest.isolateModules(() => {
    stack = require("./index");
  });
  return { gates, stack };
}

describe("the release stack", () => {
  test("creates the release when the run passed", async () => {
    const { gates, stack } = await runStack("exec-passed");
    expect(await outputValue(stack.gateStatus)).toBe("success");
    expect(await outputValue(stack.releaseId)).toBeDefined();
    expect(gates.registered).toEqual(["release-gate", "release"]);
    expect(gates.requests).toEqual([{ kind: "read", key: "exec-passed" }]);
  });

  test("stops before the release when the run failed, with the gate's error", async () => {
    // "hold": the failed gate's step never completes, as if the engine had stopped there, so the test
    // sees no unhandled rejection from the resources that wait on it.
    const { gates } = await runStack("exec-failed", { failedGates: "hold" });
    const error = await gates.outcomeOf("release-gate");
    expect(isWorkflowGateError(error) && error.code).toBe("FGS_GATE_REJECTED");
    expect(error?.message).toContain("node integration-tests failed: FSS.1051: 3 of 120 tests failed");
    expect(gates.registered).not.toContain("release");
  });
});
