/**
 * What a signed request may carry on the wire: exactly these headers, each with a value of a known
 * shape. Anything else (an extra header, a value with a line break, an ID where it does not belong)
 * is reported.
 */
import type { RecordedRequest } from "../../../emulator";

export interface ExpectedHeaders {
  accessKey: string;
  /** Undefined for IAM requests, which carry no X-Project-Id. */
  projectId?: string;
  /** The token sent, or undefined when none may be sent. */
  securityToken?: string;
  fullHistory?: boolean;
}

// A GET carries no body, so no Content-Type. The client signs host, date and the call's own headers;
// Accept and User-Agent go unsigned, as Huawei's SDK sends them.
const SIGNED_BASE = ["host", "x-sdk-date"];

export function headerProblems(r: Pick<RecordedRequest, "headers">, want: ExpectedHeaders): string[] {
  const problems: string[] = [];
  const signed = [...SIGNED_BASE];
  if (want.projectId !== undefined) signed.push("x-project-id");
  if (want.fullHistory !== undefined) signed.push("x-get-workflow-full-history-data");
  if (want.securityToken !== undefined) signed.push("x-security-token");
  signed.sort();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const shapes: Record<string, (v: string) => boolean> = {
    accept: (v) => v === "application/json",
    host: (v) => /^127\.0\.0\.1:\d{1,5}$/.test(v),
    "x-sdk-date": (v) => /^\d{8}T\d{6}Z$/.test(v),
    authorization: (v) =>
      new RegExp(`^SDK-HMAC-SHA256 Access=${escape(want.accessKey)}, SignedHeaders=${signed.join(";")}, Signature=[0-9a-f]{64}$`).test(v),
    "user-agent": (v) => v === "fgs-workflow-gate",
    "accept-encoding": (v) => v === "gzip,deflate",
    connection: (v) => v === "keep-alive" || v === "close",
  };
  if (want.projectId !== undefined) shapes["x-project-id"] = (v) => v === want.projectId;
  if (want.fullHistory !== undefined) shapes["x-get-workflow-full-history-data"] = (v) => v === String(want.fullHistory);
  if (want.securityToken !== undefined) shapes["x-security-token"] = (v) => v === want.securityToken;
  for (const [name, value] of Object.entries(r.headers)) {
    const ok = shapes[name];
    if (!ok) problems.push(`unexpected header ${JSON.stringify(name)}`);
    else if (!ok(value)) problems.push(`header ${name} has an unexpected value ${JSON.stringify(value.slice(0, 120))}`);
  }
  for (const name of Object.keys(shapes)) {
    if (name !== "connection" && !(name in r.headers)) problems.push(`header ${name} is missing`);
  }
  return problems;
}

/** A path that carries only unreserved characters and percent escapes (nothing raw, nothing to reinterpret). */
export function pathIsClean(path: string): boolean {
  return /^(?:\/(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*)+$/.test(path);
}
