/**
 * Splitting an execution into what may be shown (status, URN, node names, errors, times) and what may hold
 * secrets (the run's headers, input and output, and every node execution's input and output).
 *
 * Pulumi cannot make part of one value secret: an `Output` is secret as a whole, and a resource output
 * property is secret as a whole. So the payloads are moved out of the execution into their own value,
 * which the Pulumi layer then marks secret on its own (a separate secret `Output`, or resource properties
 * listed in `additionalSecretOutputs`). This module has no Pulumi import: the provider host uses it too.
 */
import type { JsonObject, NodeExecution, NodeExecutionDetail, WorkflowExecution } from "../model/types";

/** The payloads of one node execution (attempt), in the order of `NodeExecutionDetail.executions`. */
export interface NodeExecutionPayload {
  input?: JsonObject;
  output?: JsonObject;
}

/** The payloads of one node, keyed by the same ids and name as the node in `nodes`. */
export interface NodePayloads {
  nodeId: string;
  nodeName: string;
  executions: NodeExecutionPayload[];
}

/** Everything of an execution that may hold secrets. */
export interface ExecutionPayloads {
  headers?: JsonObject;
  input?: JsonObject;
  output?: JsonObject;
  /** One entry per node of `WorkflowExecution.nodes`, same order. */
  nodes: NodePayloads[];
}

function stripExecution(e: NodeExecution): NodeExecution {
  // Rebuild instead of delete-on-copy so that a key that was present but undefined does not survive.
  const { input: _input, output: _output, ...rest } = e;
  return rest;
}

function stripNode(n: NodeExecutionDetail): NodeExecutionDetail {
  return { ...n, executions: n.executions.map(stripExecution) };
}

/** The execution without any payload: safe to show in previews, logs and state in plain text. */
export function withoutPayloads(execution: WorkflowExecution): WorkflowExecution {
  const { headers: _h, input: _i, output: _o, ...rest } = execution;
  return { ...rest, nodes: execution.nodes.map(stripNode), failedNodes: execution.failedNodes.map(stripNode) };
}

/** Only the payloads of the execution (to be marked secret by the caller). */
export function payloadsOf(execution: WorkflowExecution): ExecutionPayloads {
  return {
    headers: execution.headers,
    input: execution.input,
    output: execution.output,
    nodes: execution.nodes.map((n) => ({
      nodeId: n.nodeId,
      nodeName: n.nodeName,
      executions: n.executions.map((x) => ({ input: x.input, output: x.output })),
    })),
  };
}
