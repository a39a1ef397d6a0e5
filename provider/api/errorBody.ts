/**
 * Reading an error response: the documented `{error_code, error_msg, request_id}` body (or the
 * `{error: {code, message}}` shape some gateways use), else a short scrubbed snippet of whatever came
 * back (an HTML page, a truncated body). Plus the hint a person needs to act on the common failures.
 */
import { validateBody } from "../model/validate";
import type { ApiErrorDetails } from "../errors";
import { safeLine, type Scrubber } from "./redact";

export interface ParsedErrorBody {
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  snippet?: string;
}

export function parseErrorBody(text: string, scrub: Scrubber): ParsedErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { snippet: safeLine(text, scrub, 160) };
  }
  if (validateBody("error", body).length > 0) return { snippet: safeLine(text, scrub, 160) };
  const b = body as {
    error_code?: string;
    error_msg?: string;
    request_id?: string;
    error?: { code?: string; message?: string };
  };
  const code = b.error_code ?? b.error?.code;
  const msg = b.error_msg ?? b.error?.message;
  return {
    errorCode: code === undefined ? undefined : safeLine(String(code), scrub, 64),
    errorMsg: msg === undefined ? undefined : safeLine(String(msg), scrub, 300),
    requestId: b.request_id === undefined ? undefined : safeLine(String(b.request_id), scrub, 128),
  };
}

/** What to do about the error, for the failures people actually hit. */
export function apiErrorHint(d: ApiErrorDetails): string | undefined {
  const msg = d.errorMsg ?? "";
  if (d.httpStatus === 401 && /expired/i.test(msg)) {
    return "The signature was rejected as expired: the local clock is probably off by more than 15 minutes (check NTP), or temporary credentials have expired";
  }
  if (d.httpStatus === 401) {
    return "Check the access key and secret key (and the security token for temporary credentials). Not retried: five failed signatures in a row lock the access key for 5 minutes";
  }
  if (d.httpStatus === 403) return "The credentials are valid but not allowed to read this workflow (check the IAM policy and the project)";
  if (d.httpStatus === 404) return "Check the workflow ID, the execution ID and the project ID (and region)";
  if (d.httpStatus === 429) return "Throttled by the API gateway; lower the concurrency or poll less often";
  return undefined;
}
