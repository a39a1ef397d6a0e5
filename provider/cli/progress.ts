/**
 * Progress while `wait` polls, always on stderr (stdout is reserved for the result). On a terminal, one
 * status line rewritten in place, its elapsed time ticking every second even between polls; elsewhere
 * (CI logs, files) one line per status change, because `\r` redraws turn a log into noise.
 */
import type { ProgressEvent } from "../args";
import type { WorkflowExecution } from "../model/types";
import type { CliIo } from "./io";
import { safeText } from "./render/safeText";
import { type EnvScrubber, makeEnvScrubber } from "./envScrubber";

/** Receives the gate's progress events and draws them; `stop` clears the live line. */
export interface ProgressView {
  onProgress(event: ProgressEvent): void;
  stop(): void;
}

const CLEAR_LINE = "\r\x1b[2K";
const TICK_MS = 1000;

function seconds(ms: number): string {
  return `${Math.floor(ms / 1000)} s`;
}

function describe(event: ProgressEvent): string {
  return `${safeText(event.status, 32)}, ${event.nodesFinished} of ${event.nodesTotal} nodes finished`;
}

/**
 * `Workflow <name> execution <id>`. Names and IDs come from the service: each is scrubbed of the
 * environment's credentials, then made safe (and cut) for the terminal and the log, in that order.
 */
function label(e: WorkflowExecution, scrub: EnvScrubber): string {
  return `Workflow ${safeText(scrub(e.urn.workflowName), 128)} execution ${safeText(scrub(e.executionId), 64)}`;
}

/** Starts a progress view for `io` (live line when stderr is a terminal). */
export function startProgress(io: CliIo): ProgressView {
  const now = io.now ?? Date.now;
  const scrub = makeEnvScrubber(io.env);
  if (!io.stderrIsTTY) {
    return {
      onProgress(event) {
        io.stderr.write(`fgs-execution: [${seconds(event.elapsedMs)}] ${label(event.execution, scrub)}: ${describe(event)}\n`);
      },
      stop() {},
    };
  }
  const started = now();
  let last: ProgressEvent | undefined;
  let drawn = false;
  const draw = () => {
    if (!last) return;
    io.stderr.write(`${CLEAR_LINE}⏳ ${seconds(now() - started)}  ${describe(last)}  (${label(last.execution, scrub)})`);
    drawn = true;
  };
  const timer = setInterval(draw, TICK_MS);
  // The ticking line must never keep the process alive on its own.
  timer.unref();
  return {
    onProgress(event) {
      last = event;
      draw();
    },
    stop() {
      clearInterval(timer);
      if (drawn) io.stderr.write(CLEAR_LINE);
    },
  };
}
