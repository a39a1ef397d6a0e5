/**
 * Runs `get`, `latest`, `wait` or `run`: one call to the library (`getWorkflowExecution` for a run given
 * by ID, `getLatestWorkflowExecution` for the latest run, `runWorkflow` to start one: the library's
 * client, lookup, wait loop and gate), then the output. With `wait` the gate runs in `enforce` mode; a WorkflowGateError carries the execution, so
 * the run is still printed before the verdict decides the exit code. No run found (FGS_NO_EXECUTION) is
 * thrown on for `main` to report: there is nothing to print.
 */
import type { ProgressEvent } from "../args";
import { getWorkflowExecution } from "../getWorkflowExecution";
import { isWorkflowGateError } from "../gate/gateError";
import { getLatestWorkflowExecution, type LatestInternalContext } from "../latest/getLatestWorkflowExecution";
import type { WorkflowExecution } from "../model/types";
import type { StartedWorkflowExecution } from "../run/args";
import { runWorkflow } from "../run/runWorkflow";
import type { CliOptions } from "./args";
import { ExitCodes, exitCodeOf } from "./exitCodes";
import { type CliIo, useColor } from "./io";
import { GATING_COMMANDS } from "./commands";
import { type LibraryCall, toLibraryCall } from "./libraryArgs";
import { type ProgressView, startProgress } from "./progress";
import type { RunOutcome } from "./render/format";
import { command as githubCommand, renderGithub } from "./render/github";
import { renderJson } from "./render/json";
import { appendSummary } from "./render/summary";
import { renderTable } from "./render/table";
import { safeText } from "./render/safeText";
import { makeEnvScrubber } from "./envScrubber";
import { reportError } from "./report";
import { scrubValue } from "./scrubValue";

/** Stack config is never consulted: the command reads the environment only, inside Pulumi or not. */
const NO_CONFIG = { get: (): undefined => undefined };

/** Debug lines name the request's host and path: room for a long URL, yet one line. */
const MAX_LOG_LINE = 2000;

/**
 * The library's context. `lookingUp` is true until the run is being read: the info lines before that
 * are the lookup's own (`wait --latest` waiting for a run to appear) and are printed; after it, status
 * changes are drawn by the progress view from onProgress, and the gate's own lines would double them.
 */
function contextFor(options: CliOptions, io: CliIo, lookingUp: () => boolean): LatestInternalContext {
  const scrub = makeEnvScrubber(io.env);
  // Library lines quote the service: scrubbed of credentials first, then made one safe line.
  const line = (prefix: string, m: string) => io.stderr.write(`fgs-execution: ${prefix}${safeText(scrub(m), MAX_LOG_LINE)}\n`);
  return {
    env: io.env,
    config: NO_CONFIG,
    logger: {
      info: (m) => {
        if (options.selection === "latest" && lookingUp()) line("", m);
      },
      warn: (m) => line("warning: ", m),
    },
    debug: options.debug ? (m) => line("debug: ", m) : undefined,
  };
}

function writeOutput(options: CliOptions, outcome: RunOutcome, io: CliIo): void {
  if (options.output === "json") {
    io.stdout.write(renderJson(outcome.execution));
  } else if (options.output === "github") {
    io.stdout.write(renderGithub(outcome));
    const warning = appendSummary(outcome, io.env);
    if (warning) io.stderr.write(`fgs-execution: warning: ${warning}\n`);
  } else {
    io.stdout.write(renderTable(outcome.execution, { color: useColor(io), nowMs: (io.now ?? Date.now)() }));
  }
}

/** The one library call the command makes. */
function callLibrary(call: LibraryCall, context: LatestInternalContext): Promise<WorkflowExecution> {
  if (call.kind === "latest") return getLatestWorkflowExecution(call.args, context);
  if (call.kind === "start") return runWorkflow(call.args, context);
  return getWorkflowExecution(call.args, context);
}

/**
 * `run` says which run it started the moment the service answers, before any wait: a CI log shows the
 * execution ID even when the job is killed later. On stderr in every format (stdout stays the result's),
 * and as a notice annotation with `--output github`.
 */
function announceStart(options: CliOptions, io: CliIo): (run: StartedWorkflowExecution) => void {
  const scrub = makeEnvScrubber(io.env);
  return (run) => {
    const id = safeText(scrub(run.executionId), 128);
    const workflow = safeText(scrub(run.workflowId), 200);
    io.stderr.write(`fgs-execution: started execution ${id} of workflow ${workflow}\n`);
    if (options.output === "github") io.stdout.write(`${githubCommand("notice", "Run started", `Execution ${id} of workflow ${workflow} started`)}\n`);
  };
}

/**
 * A stale run's message is about its age; when it also ended badly, that is said too, so the log does not
 * hide a failed run behind "too old".
 */
export function withEnding(code: string, message: string, e: WorkflowExecution | undefined): string {
  if (code !== "FGS_GATE_STALE" || e === undefined || !e.terminal || e.succeeded) return message;
  return `${message}; the run also ended ${e.status}${e.failedNodes.length > 0 ? ` (failed nodes: ${e.failedNodes.map((n) => n.nodeName).join(", ")})` : ""}`;
}

/** The progress view of a gating command, and the progress callback that feeds it. */
function progressFor(options: CliOptions, io: CliIo): { view?: ProgressView; onProgress?: (event: ProgressEvent) => void; reading: () => boolean } {
  if (!GATING_COMMANDS.includes(options.command)) return { reading: () => false };
  // Debug lines would tear a live line apart: with --debug, progress is printed line by line.
  const view = startProgress({ ...io, stderrIsTTY: io.stderrIsTTY === true && !options.debug });
  let reading = false;
  const onProgress = (event: ProgressEvent) => {
    reading = true;
    view.onProgress(event);
  };
  return { view, onProgress, reading: () => reading };
}

/**
 * Runs the command and returns its exit code. Errors other than the gate's verdict (configuration, API,
 * transport, validation, no run found) are thrown for `main` to report; `seen` then tells it which run
 * `run` had started, if any.
 */
export async function runCommand(options: CliOptions, io: CliIo, seen: { executionId?: string } = {}): Promise<number> {
  const progress = progressFor(options, io);
  const required = GATING_COMMANDS.includes(options.command) ? options.require : undefined;
  // Everything rendered on stdout is scrubbed of the environment's credentials before any renderer cuts it.
  const scrub = makeEnvScrubber(io.env);
  const announce = announceStart(options, io);
  const onStarted = (run: StartedWorkflowExecution) => {
    seen.executionId = run.executionId;
    announce(run);
  };
  let outcome: RunOutcome;
  let gateError: { code: string; message: string; stack?: string } | undefined;
  try {
    const call = toLibraryCall(options, progress.onProgress, io.signal, onStarted);
    const execution = await callLibrary(call, contextFor(options, io, () => !progress.reading()));
    outcome = { command: options.command, execution: scrubValue(execution, scrub), required };
  } catch (e) {
    if (!isWorkflowGateError(e)) throw e;
    // The stack is kept for reportError, so --debug can print it.
    gateError = { code: e.code, message: withEnding(e.code, e.message, e.execution), stack: e.stack };
    const verdict = { code: e.code, message: scrub(gateError.message) };
    outcome = { command: options.command, execution: scrubValue(e.execution, scrub), gateError: verdict, required };
  } finally {
    progress.view?.stop();
  }
  writeOutput(options, outcome, io);
  const exitCode = gateError === undefined ? ExitCodes.ok : exitCodeOf(gateError);
  const { executionId, status } = outcome.execution;
  io.onResult?.({ exitCode, code: gateError?.code, executionId, status, reason: outcome.gateError?.message ?? "" });
  if (gateError !== undefined) reportError(gateError, io, options.debug);
  return exitCode;
}
