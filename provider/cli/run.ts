/**
 * Runs `get`, `latest` or `wait`: one call to the library (`getWorkflowExecution` for a run given by ID,
 * `getLatestWorkflowExecution` for the latest run: the library's client, lookup, wait loop and gate), then
 * the output. With `wait` the gate runs in `enforce` mode; a WorkflowGateError carries the execution, so
 * the run is still printed before the verdict decides the exit code. No run found (FGS_NO_EXECUTION) is
 * thrown on for `main` to report: there is nothing to print.
 */
import type { ProgressEvent } from "../args";
import { getWorkflowExecution } from "../getWorkflowExecution";
import { isWorkflowGateError } from "../gate/gateError";
import { getLatestWorkflowExecution, type LatestInternalContext } from "../latest/getLatestWorkflowExecution";
import type { WorkflowExecution } from "../model/types";
import type { CliOptions } from "./args";
import { ExitCodes, exitCodeOf } from "./exitCodes";
import { type CliIo, useColor } from "./io";
import { toLibraryCall } from "./libraryArgs";
import { startProgress } from "./progress";
import type { RunOutcome } from "./render/format";
import { renderGithub } from "./render/github";
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

/**
 * Runs the command and returns its exit code. Errors other than the gate's verdict (configuration, API,
 * transport, validation, no run found) are thrown for `main` to report.
 */
export async function runCommand(options: CliOptions, io: CliIo): Promise<number> {
  // Debug lines would tear a live line apart: with --debug, progress is printed line by line.
  const progress =
    options.command === "wait" ? startProgress({ ...io, stderrIsTTY: io.stderrIsTTY === true && !options.debug }) : undefined;
  const required = options.command === "wait" ? options.require : undefined;
  let reading = false;
  const onProgress = progress
    ? (event: ProgressEvent) => {
        reading = true;
        progress.onProgress(event);
      }
    : undefined;
  // Everything rendered on stdout is scrubbed of the environment's credentials before any renderer cuts it.
  const scrub = makeEnvScrubber(io.env);
  let outcome: RunOutcome;
  let gateError: unknown;
  try {
    const call = toLibraryCall(options, onProgress, io.signal);
    const context = contextFor(options, io, () => !reading);
    const execution: WorkflowExecution =
      call.kind === "latest" ? await getLatestWorkflowExecution(call.args, context) : await getWorkflowExecution(call.args, context);
    outcome = { command: options.command, execution: scrubValue(execution, scrub), required };
  } catch (e) {
    if (!isWorkflowGateError(e)) throw e;
    // The error itself is kept for reportError, so --debug can print its stack.
    gateError = e;
    const verdict = { code: e.code, message: scrub(e.message) };
    outcome = { command: options.command, execution: scrubValue(e.execution, scrub), gateError: verdict, required };
  } finally {
    progress?.stop();
  }
  writeOutput(options, outcome, io);
  if (gateError === undefined) return ExitCodes.ok;
  reportError(gateError, io, options.debug);
  return exitCodeOf(gateError);
}
