/**
 * The error of a lookup that found nothing: no run of the workflow in the time window (with the status
 * filter, if any). Part of the package's error family: a stable `code`, a `name` equal to the class name,
 * and a guard that checks the code rather than `instanceof`.
 */
import { errorCodeOf, FunctionGraphGateError } from "../errors";

/** Stable code of {@link NoExecutionFoundError}. */
export const NO_EXECUTION_CODE = "FGS_NO_EXECUTION" as const;

/** What was searched. Times are ISO-8601 UTC. */
export interface ExecutionSearch {
  workflowId: string;
  /** Set when the workflow was given by name. */
  workflowName?: string;
  projectId: string;
  since: string;
  until: string;
  status?: string;
  /** Executions the list returned in the window (all filtered out, or none). */
  scanned: number;
  /** Milliseconds spent waiting for a run to appear (`waitForCompletion`); undefined without a wait. */
  waitedMs?: number;
}

/**
 * No run of the workflow began in the window (with the status filter). Thrown in every gate `mode`: there
 * is no execution to return. With `waitForCompletion`, thrown only once the wait timeout passed.
 */
export class NoExecutionFoundError extends FunctionGraphGateError {
  readonly code = NO_EXECUTION_CODE;
  readonly search: ExecutionSearch;
  constructor(search: ExecutionSearch) {
    const which = search.workflowName === undefined ? search.workflowId : `${search.workflowName} (${search.workflowId})`;
    const status = search.status === undefined ? "" : ` with status ${search.status}`;
    const waited = search.waitedMs === undefined ? "" : ` after waiting ${Math.round(search.waitedMs / 1000)} s`;
    super(
      `No execution of workflow ${which} in project ${search.projectId} began between ${search.since} and ${search.until}${status}${waited}` +
        ` (${search.scanned} listed in the window). Widen the window with since/until, drop the status filter, or start a run.`,
    );
    this.search = search;
  }
}

/** True for a {@link NoExecutionFoundError}, also across package copies (checks the code). */
export function isNoExecutionFoundError(e: unknown): e is NoExecutionFoundError {
  return errorCodeOf(e) === NO_EXECUTION_CODE;
}
