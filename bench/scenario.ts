/**
 * The scenario the benchmark serves: the shipped default scenario plus
 * - the largest body the API allows (200 nodes x 200 executions, full history), generated once with
 *   `makeLargeExecution` and served pre-serialized (`rawText`), so each call costs the server a buffer
 *   write instead of a 7.8 MB JSON.stringify: the measurement is about the clients, not the emulator;
 * - a workflow with 1,000 runs for the latest-execution lookup.
 * The small payload is the published example, which the default scenario already serves verbatim.
 */
import { SCENARIO_IDS, defaultScenario, makeLargeExecution, withExecutions, type Scenario, type ScenarioExecution } from "../emulator";
import type { ExecutionRef } from "./contenders/types";

export type PayloadId = "small" | "large";

export interface Payload {
  id: PayloadId;
  label: string;
  ref: ExecutionRef;
  /** Node executions in the body (checked on every result). */
  nodeExecutions: number;
}

const LARGE_ID = "bench-large-200x200";

export const PAYLOADS: Record<PayloadId, Payload> = {
  small: {
    id: "small",
    label: "published example (1 node, 1 execution)",
    ref: { workflowId: SCENARIO_IDS.exampleWorkflow, executionId: SCENARIO_IDS.executions.publishedExample, fullHistory: false },
    nodeExecutions: 1,
  },
  large: {
    id: "large",
    label: "200 nodes x 200 executions, full history",
    ref: { workflowId: SCENARIO_IDS.workflow, executionId: LARGE_ID, fullHistory: true },
    nodeExecutions: 200 * 200,
  },
};

/**
 * The run the whole-process contenders read: small and already final with status success, so that
 * `fgs-execution wait --require success` returns after one read, as on a run that finished before the gate.
 */
export const FINAL_RUN: ExecutionRef = { workflowId: SCENARIO_IDS.workflow, executionId: SCENARIO_IDS.executions.success, fullHistory: false };

/** The workflow of the latest-execution lookup. */
export const LATEST = {
  workflowId: "bench-latest-1000",
  workflowName: "bench-latest-thousand",
  runs: 1000,
  /** The run that began last (1 minute ago); the others began 2..1000 minutes ago. */
  newest: "bench-run-0000",
} as const;

function latestRuns(): ScenarioExecution[] {
  return Array.from({ length: LATEST.runs }, (_, i) => ({
    id: `bench-run-${String(i).padStart(4, "0")}`,
    status: i % 7 === 3 ? "fail" : "success",
    beginTime: `-${i + 1}m`,
    endTime: `-${i * 60 + 30}s`,
  }));
}

export interface BuiltScenario {
  scenario: Scenario;
  largeBytes: number;
  smallBytes: number;
}

export function buildScenario(): BuiltScenario {
  const largeText = JSON.stringify(
    makeLargeExecution({ nodes: 200, executionsPerNode: 200, executionId: LARGE_ID, workflowId: SCENARIO_IDS.workflow }),
  );
  const scenario = withExecutions(defaultScenario(), SCENARIO_IDS.workflow, [{ id: LARGE_ID, summary: "benchmark: largest body", rawText: largeText }]);
  scenario.workflows.push({ id: LATEST.workflowId, name: LATEST.workflowName, executions: latestRuns() });
  const example = scenario.workflows
    .flatMap((w) => w.executions)
    .find((e) => e.id === SCENARIO_IDS.executions.publishedExample);
  return {
    scenario,
    largeBytes: Buffer.byteLength(largeText),
    smallBytes: Buffer.byteLength(example?.rawText ?? ""),
  };
}
