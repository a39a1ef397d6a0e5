/**
 * One read against an emulator with the canary credentials, reporting the outcome and exactly the
 * requests this read caused (the emulator's log is append-only between resets).
 */
import { startEmulator, type RecordedRequest, type RunningEmulator, type Scenario } from "../../../emulator";
import { getWorkflowExecution } from "../../../provider/getWorkflowExecution";
import type { GetWorkflowExecutionArgs } from "../../../provider/args";
import type { WorkflowExecution } from "../../../provider/model/types";
import { CANARY } from "./canary";
import { isolatedContext } from "./faultWorld";

export const INPUT_PROJECT = "p-in";
export const INPUT_WORKFLOW = "w-in";
export const INPUT_EXECUTION = "e-in";

/** One workflow with one successful run; IAM knows one project for cn-north-4 and two for eu-west-101. */
export function inputScenario(workflowId = INPUT_WORKFLOW, executionId = INPUT_EXECUTION): Scenario {
  return {
    projectId: INPUT_PROJECT,
    region: "cn-north-4",
    iamProjects: { "cn-north-4": [{ id: INPUT_PROJECT }], "eu-west-101": [{ id: "p-one" }, { id: "p-two" }] },
    workflows: [{ id: workflowId, name: "inputs", executions: [{ id: executionId, status: "success", beginTime: "-2m", endTime: "-1m" }] }],
  };
}

export function startInputEmulator(scenario: Scenario = inputScenario()): Promise<RunningEmulator> {
  return startEmulator({ scenario, credentials: [CANARY] });
}

export interface Outcome {
  result?: WorkflowExecution;
  error?: unknown;
  sent: RecordedRequest[];
}

/** Reads `e-in` of `w-in` in `p-in` unless `args` says otherwise; no retries (a 404 is never retried anyway). */
export async function readOnce(emu: RunningEmulator, args: Partial<GetWorkflowExecutionArgs>): Promise<Outcome> {
  const before = emu.requests.length;
  const debug: string[] = [];
  let result: WorkflowExecution | undefined;
  let error: unknown;
  try {
    result = await getWorkflowExecution(
      {
        endpoint: emu.url,
        projectId: INPUT_PROJECT,
        workflowId: INPUT_WORKFLOW,
        executionId: INPUT_EXECUTION,
        credentials: { ...CANARY },
        maxRetries: 0,
        ...args,
      },
      isolatedContext(debug),
    );
  } catch (e) {
    error = e;
  }
  return { result, error, sent: emu.requests.slice(before) };
}
