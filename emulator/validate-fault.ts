/** Validation of one fault rule (see `ScenarioFault`). */
import type { Checker, Obj } from "./check";
import type { FaultKind } from "./scenario";

/** Fields each fault kind accepts besides `kind`, `attempts` and `delayHeadersMs`. */
const KIND_FIELDS: Record<FaultKind, readonly string[]> = {
  status: ["status", "errorCode", "errorMsg", "body", "retryAfter", "contentType", "headers"],
  delay: [],
  stallBody: ["afterBytes"],
  truncatedJson: ["bytes"],
  htmlError: ["status"],
  emptyBody: ["status"],
  wrongContentType: ["contentType"],
  oversizeBody: ["minBytes"],
  resetBeforeResponse: [],
  resetMidBody: ["afterBytes"],
  closeWithoutResponse: [],
  redirect: ["status", "location"],
};

/** The fault kinds, for messages and docs. */
export const FAULT_KINDS = Object.keys(KIND_FIELDS) as FaultKind[];

/** Validates one fault rule at `path`, reporting into `c`. */
export function validateFault(c: Checker, f: unknown, path: string): void {
  if (!c.object(f, path)) return;
  if (!c.oneOf(f.kind, `${path}.kind`, FAULT_KINDS)) return;
  const kind = f.kind as FaultKind;
  const allowed = ["kind", "attempts", "delayHeadersMs", "$comment", ...KIND_FIELDS[kind]];
  for (const key of Object.keys(f)) {
    if (!allowed.includes(key)) c.fail(`${path}.${key}`, `unknown field for kind "${kind}" (allowed: ${allowed.join(", ")})`);
  }
  checkAttempts(c, f.attempts, `${path}.attempts`);
  c.optInteger(f, "delayHeadersMs", path, 0, 3_600_000);
  switch (kind) {
    case "status":
      c.integer(f.status, `${path}.status`, 200, 599);
      c.optString(f, "errorCode", path);
      c.optString(f, "errorMsg", path);
      c.optString(f, "contentType", path);
      if (f.retryAfter !== undefined && typeof f.retryAfter !== "string") c.number(f.retryAfter, `${path}.retryAfter`, 0);
      if (f.headers !== undefined && c.object(f.headers, `${path}.headers`)) checkStringRecord(c, f.headers, `${path}.headers`);
      break;
    case "htmlError":
    case "emptyBody":
      c.optInteger(f, "status", path, 200, 599);
      break;
    case "redirect":
      c.optInteger(f, "status", path, 300, 399);
      c.optString(f, "location", path);
      break;
    case "stallBody":
    case "resetMidBody":
      c.optInteger(f, "afterBytes", path, 0);
      break;
    case "truncatedJson":
      c.optInteger(f, "bytes", path, 0);
      break;
    case "wrongContentType":
      c.optString(f, "contentType", path);
      break;
    case "oversizeBody":
      c.integer(f.minBytes, `${path}.minBytes`, 1, 512 * 1024 * 1024);
      break;
    default:
      break;
  }
}

function checkAttempts(c: Checker, value: unknown, path: string): void {
  if (value === "every") return;
  if (typeof value === "number") {
    c.integer(value, path, 1);
    return;
  }
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((n, i) => c.integer(n, `${path}[${i}]`, 1));
    return;
  }
  c.fail(path, 'must be a 1-based attempt number, a non-empty array of them, or "every"');
}

function checkStringRecord(c: Checker, obj: Obj, path: string): void {
  for (const [k, v] of Object.entries(obj)) if (typeof v !== "string") c.fail(`${path}.${k}`, "must be a string");
}
