/**
 * StartWorkflowExecution, StartSyncWorkflowExecution and the terminate call. A start is not idempotent:
 * the client sends a POST again only when it provably never reached the service (./retry), so a start
 * that failed after it may have arrived says so, and how to find the run it may have started.
 */
import { ConfigurationError, FunctionGraphApiError, TransportError, isFunctionGraphApiError, isResponseValidationError, isTransportError } from "../errors";
import { callApi, type RequestPolicy } from "./client";
import { idFromResponse } from "./responseIds";
import type { Credentials } from "./signer";

export interface WorkflowRef {
  endpoint: URL;
  projectId: string;
  workflowId: string;
}

/** The documented body of a start: the run's input and the headers it starts with. */
export interface StartBody {
  input: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

/** The largest start body sent (the run's input is stored with the run; the service refuses more). */
export const MAX_START_BODY_BYTES = 1024 * 1024;

/** The synchronous answer as the API sends it (validated against its schema). */
export interface SyncAnswerBody {
  execution_id: string;
  status: "success" | "fail" | "timeout";
  output?: Record<string, unknown> | null;
  errors?: Array<{ node_id: string; error_message?: unknown; begin_time?: string; end_time?: string }> | null;
  begin_time?: string;
  end_time?: string;
}

function workflowPath(ref: WorkflowRef, ...rest: string[]): string[] {
  return ["v2", ref.projectId, "fgs", "workflows", ref.workflowId, ...rest];
}

/** Refuses a body over the size limit before anything is sent. Its content is never quoted: it may be secret. */
export function checkStartBody(body: StartBody): string {
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_START_BODY_BYTES) {
    throw new ConfigurationError(`The run's input and headers take ${bytes} bytes as JSON; at most ${MAX_START_BODY_BYTES} are sent`, "input");
  }
  return text;
}

/** Starts a run; resolves to its execution ID. */
export async function startExecution(ref: WorkflowRef, body: StartBody, credentials: Credentials, policy: RequestPolicy, startedAt: Date): Promise<string> {
  checkStartBody(body);
  const segments = workflowPath(ref, "executions");
  try {
    const res = await callApi({ base: ref.endpoint, method: "POST", segments, body, headers: { "X-Project-Id": ref.projectId }, kind: "startResponse" }, credentials, policy);
    const site = { method: "POST", path: `/${segments.join("/")}`, pointer: "/execution_id" };
    return idFromResponse((res.body as { execution_id: unknown }).execution_id, checkReturnedId, site);
  } catch (e) {
    throw mayHaveStarted(e, ref, startedAt);
  }
}

/** Runs an express workflow synchronously; resolves to the service's answer. */
export async function startSyncExecution(ref: WorkflowRef, body: StartBody, credentials: Credentials, policy: RequestPolicy, startedAt: Date): Promise<SyncAnswerBody> {
  checkStartBody(body);
  const segments = workflowPath(ref, "sync-executions");
  try {
    const res = await callApi({ base: ref.endpoint, method: "POST", segments, body, headers: { "X-Project-Id": ref.projectId }, kind: "syncResponse" }, credentials, policy);
    return res.body as SyncAnswerBody;
  } catch (e) {
    throw mayHaveStarted(e, ref, startedAt);
  }
}

/** Stops a run (an empty 200). */
export async function terminateExecution(ref: WorkflowRef, executionId: string, credentials: Credentials, policy: RequestPolicy): Promise<void> {
  const segments = workflowPath(ref, "executions", executionId, "terminate");
  await callApi({ base: ref.endpoint, method: "POST", segments, headers: { "X-Project-Id": ref.projectId }, kind: "none" }, credentials, policy);
}

function checkReturnedId(v: unknown): string {
  if (typeof v !== "string" || !/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/.test(v) || v === "." || v === "..") {
    throw new ConfigurationError("not an execution ID of 1 to 64 letters, digits, '-', '_' or '.'");
  }
  return v;
}

/**
 * A start that failed once the request may have reached the service: no error can tell whether a run
 * began, so the message says so and where to look; so does a 200 whose answer is unusable. A refusal the
 * service explained (an API error other than 5xx) started nothing and is left as it is; so is a start that
 * was never sent.
 */
function mayHaveStarted(e: unknown, ref: WorkflowRef, startedAt: Date): unknown {
  const where =
    `A run may have started: list the runs of workflow ${ref.workflowId} that began since ${startedAt.toISOString()} ` +
    `(fgs-execution latest --workflow-id ${ref.workflowId} --since ${startedAt.toISOString()}) before starting another`;
  if (isTransportError(e) && e.kind !== "redirect") {
    if (!e.mayHaveArrived) return e;
    return new TransportError(e.kind, { method: e.method, path: e.path }, e.attempts, `${e.detail}. ${where}`, { httpStatus: e.httpStatus });
  }
  if (isFunctionGraphApiError(e) && e.httpStatus >= 500) {
    return new FunctionGraphApiError({ ...e }, where);
  }
  // Only a 200 is validated: the service took the start, but its answer names no usable run.
  if (isResponseValidationError(e)) {
    e.message = `${e.message}. ${where}`;
    return e;
  }
  return e;
}

