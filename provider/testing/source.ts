/**
 * The canned runs a test gives `mockWorkflowGates`, and the reads, lookups and starts they answer. Each
 * entry point checks its arguments with the package's own rules first, so a stack that passes a unit test
 * does not fail in production on a malformed ID, input or gate option.
 */
import type { GetLatestWorkflowExecutionResult, GetWorkflowExecutionArgs, GetWorkflowExecutionResult } from "../args";
import { checkExecutionId, checkWorkflowId } from "../config/ids";
import type { GateLogger } from "../context";
import { ConfigurationError } from "../errors";
import type { GetLatestWorkflowExecutionArgs } from "../latest/args";
import type { RunWorkflowArgs } from "../run/args";
import { stoppedNote, stoppingOnGiveUp } from "../run/runWorkflow";
import { checkStart } from "../run/start";
import { type CannedRun, gateOnCanned, statesOf } from "./judge";

/** The canned runs, by what the gate asks for. */
export interface CannedRuns {
  /** Runs read by ID (`WorkflowExecution`, `getWorkflowExecutionOutput`), keyed by execution ID. */
  executions?: Record<string, CannedRun>;
  /** The latest run of a workflow (`LatestWorkflowExecution`, `getLatestWorkflowExecutionOutput`), keyed by workflow ID or name. */
  latest?: Record<string, CannedRun>;
  /** The run a `WorkflowRun` starts, keyed by workflow ID or name. */
  runs?: Record<string, CannedRun>;
}

/**
 * One thing the gate asked for under the mocks. `terminate` is the stop a `WorkflowRun` makes when its
 * wait gives up on the run it started (`stopOnGiveUp`, default true), as `runWorkflow` does in production.
 */
export interface GateMockRequest {
  kind: "read" | "latest" | "start" | "terminate";
  /** The execution ID (read, terminate), or the workflow ID or name (latest, start). */
  key: string;
}

/** The answers for one set of mocks, and the log of what was asked. */
export interface CannedSource {
  readExecution(args: GetWorkflowExecutionArgs): Promise<GetWorkflowExecutionResult>;
  readLatest(args: GetLatestWorkflowExecutionArgs): Promise<GetLatestWorkflowExecutionResult>;
  run(args: RunWorkflowArgs): Promise<GetWorkflowExecutionResult>;
  requests: GateMockRequest[];
}

function pick(table: Record<string, CannedRun> | undefined, key: string, option: string, what: string): CannedRun {
  const run = table !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (run === undefined) throw new ConfigurationError(`mockWorkflowGates has no canned run for ${what} "${key}": add it to the ${option} option`);
  return run;
}

/**
 * A canned run read or started under a workflow ID must belong to that workflow, as the service would
 * insist (it answers 404 for a run of another workflow): a test set up with the wrong ID fails, not passes.
 */
function ofWorkflow(run: CannedRun, workflowId: string | undefined, key: string): CannedRun {
  const other = statesOf(run).find((state) => workflowId !== undefined && state.workflowId !== workflowId);
  if (other !== undefined) {
    throw new ConfigurationError(
      `mockWorkflowGates: the canned run for "${key}" belongs to workflow "${other.workflowId}", not "${workflowId}" (set workflowId in cannedExecution)`,
      "workflowId",
    );
  }
  return run;
}

function workflowKey(args: { workflowId?: string; workflowName?: string }): string {
  if (args.workflowId !== undefined) return checkWorkflowId(args.workflowId);
  if (typeof args.workflowName === "string" && args.workflowName !== "") return args.workflowName;
  throw new ConfigurationError("give workflowId or workflowName", "workflowId");
}

/** The source answering from `runs`; every request is logged in `requests`. */
export function cannedSource(runs: CannedRuns, logger: GateLogger): CannedSource {
  const requests: GateMockRequest[] = [];
  return {
    requests,
    async readExecution(args) {
      checkWorkflowId(args.workflowId);
      const key = checkExecutionId(args.executionId);
      requests.push({ kind: "read", key });
      const run = ofWorkflow(pick(runs.executions, key, "executions", "execution ID"), args.workflowId, key);
      return gateOnCanned(run, args, logger);
    },
    async readLatest(args) {
      const key = workflowKey(args);
      requests.push({ kind: "latest", key });
      return gateOnCanned(pick(runs.latest, key, "latest", "workflow"), args, logger);
    },
    async run(args) {
      checkStart(args, "runWorkflow");
      const key = workflowKey(args);
      const run = ofWorkflow(pick(runs.runs, key, "runs", "workflow"), args.workflowId, key);
      requests.push({ kind: "start", key });
      const executionId = statesOf(run)[0]?.executionId ?? key;
      const stop = async () => {
        requests.push({ kind: "terminate", key: executionId });
        return stoppedNote(executionId);
      };
      const gate = () => gateOnCanned(run, { ...args, waitForCompletion: args.waitForCompletion ?? true }, logger);
      return stoppingOnGiveUp(args, executionId, gate, stop, args.mode === "warn" ? (m) => logger.warn(m) : undefined);
    },
  };
}
