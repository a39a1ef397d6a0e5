/**
 * Generated execution bodies of any size, for benchmarks and size limits. The API maximum is 200 nodes of
 * 200 executions each; with the default `outputBytes` (16) that body is about 7.8 MB of JSON (7.1 MB with 0).
 */
import { stableId, workflowUrn, type ExecutionBody, type NodeExecutionBody } from "./bodies";
import { formatApiTime } from "./time";

/** Options of {@link makeLargeExecution}. */
export interface LargeExecutionOptions {
  /** Number of nodes (API maximum 200). */
  nodes: number;
  /** Executions per node (API maximum 200). */
  executionsPerNode: number;
  /** The run's status. Default `"success"`; `fail` makes the very last node execution fail. */
  status?: string;
  /** Length of the string inside each node execution's `output`. Default 16. */
  outputBytes?: number;
  /** Default `"large-execution"`. */
  executionId?: string;
  /** Default `"5b0c7e2a-1f3d-4c8e-9a6b-2d4f6e8a0c11"` (the default scenario's workflow). */
  workflowId?: string;
  /** Default: the URN of a workflow named `release-checks` in the default scenario's project. */
  workflowUrn?: string;
  /** Epoch ms of the run's start. Default 2024-05-06T07:08:09Z. */
  beginTimeMs?: number;
}

const FILLER = "0123456789abcdefghijklmnopqrstuvwxyz";

function filler(length: number, seed: number): string {
  let s = "";
  while (s.length < length) s += FILLER;
  const start = seed % FILLER.length;
  return (s.slice(start) + s.slice(0, start)).slice(0, length);
}

/**
 * A raw snake_case ShowWorkflowExecution body with `nodes` × `executionsPerNode` node executions, fully
 * deterministic. Serve it with a scenario execution `{ id, raw: makeLargeExecution(...) }`, or declare
 * `{ id, large: { nodes, executionsPerNode } }` in a scenario to have the emulator generate it.
 */
export function makeLargeExecution(opts: LargeExecutionOptions): ExecutionBody {
  const status = opts.status ?? "success";
  const outputBytes = opts.outputBytes ?? 16;
  const executionId = opts.executionId ?? "large-execution";
  const begin = opts.beginTimeMs ?? Date.UTC(2024, 4, 6, 7, 8, 9);
  const stepMs = 10;
  const total = opts.nodes * opts.executionsPerNode;
  let k = 0;
  const details = Array.from({ length: opts.nodes }, (_, n) => {
    const nodeId = `node-${String(n + 1).padStart(3, "0")}`;
    const executions: NodeExecutionBody[] = Array.from({ length: opts.executionsPerNode }, (_, j) => {
      k += 1;
      const last = k === total;
      const nodeStatus = last && status !== "success" ? (status === "fail" ? "fail" : status) : "success";
      const t0 = begin + (k - 1) * stepMs;
      const unfinished = last && !["success", "fail", "timeout", "cancel"].includes(status);
      return {
        status: nodeStatus,
        input: {},
        output: { result: filler(outputBytes, k) },
        begin_time: t0,
        end_time: unfinished ? 0 : t0 + stepMs - 1,
        error_message: nodeStatus === "fail" ? { error_code: "FSS.1051", error_msg: "generated failure" } : {},
        request_id: stableId(executionId, nodeId, j),
      };
    });
    return { node_id: nodeId, node_name: `step-${n + 1}`, execution_id: `${executionId}:${nodeId}`, executions };
  });
  const end = begin + total * stepMs;
  const final = ["success", "fail", "timeout", "cancel"].includes(status);
  return {
    workflow_id: opts.workflowId ?? "5b0c7e2a-1f3d-4c8e-9a6b-2d4f6e8a0c11",
    workflow_urn:
      opts.workflowUrn ?? workflowUrn("cn-north-4", "f6e5d4c3b2a1f0e9d8c7b6a5emulator", "release-checks"),
    execution_id: executionId,
    status,
    headers: {},
    input: { nodes: opts.nodes, executionsPerNode: opts.executionsPerNode },
    output: final ? { generated: true } : {},
    begin_time: formatApiTime(begin),
    end_time: final ? formatApiTime(end) : "",
    last_update_time: formatApiTime(end),
    created_by: "emulator",
    node_execution_details: details,
  };
}
