/**
 * Arguments of `getLatestWorkflowExecution`: the same connection, request and gate options as
 * `getWorkflowExecution`, but the run is found instead of named: the workflow by ID or by name, then the
 * run that began last in a time window, optionally with a given status.
 */
import type { ConnectionArgs, GateArgs, RequestArgs } from "../args";

/** The statuses ListWorkflowExecutions documents for its `status` filter. */
export const LIST_STATUSES = ["success", "fail", "running", "timeout", "cancel"] as const;

/** A status the list API can filter on. */
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Arguments of `getLatestWorkflowExecution`. Give exactly one of `workflowId` and `workflowName`. */
export interface GetLatestWorkflowExecutionArgs extends ConnectionArgs, RequestArgs, GateArgs {
  /** Workflow ID (1..512 chars, same rules as for `getWorkflowExecution`). */
  workflowId?: string;
  /**
   * Workflow name, resolved with ListWorkflows. Only an exact (case-sensitive) match counts; no match or
   * more than one is a `ConfigurationError` with setting `workflowName`.
   */
  workflowName?: string;
  /** Only consider runs with this status (`success`, `fail`, `running`, `timeout` or `cancel`). Default: any. */
  status?: ListStatus;
  /**
   * Start of the time window (ISO-8601 string with a zone, or Date): only runs that began at or after it
   * count. Default: `until` minus 3 days, the API's own default window. Always sent explicitly.
   */
  since?: string | Date;
  /**
   * End of the time window: only runs that began at or before it count. Default: now plus 15 minutes, so a
   * run that just began is not missed when this machine's clock is behind the service's (the API gateway
   * rejects signatures more than 15 minutes off, so the skew cannot be larger).
   */
  until?: string | Date;
  /** Read the chosen run with complete node outputs (`X-Get-Workflow-Full-History-Data: true`). Default false. */
  fullHistory?: boolean;
}
