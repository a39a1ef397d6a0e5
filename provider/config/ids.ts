/**
 * Path identifiers are checked before any request: the documented lengths, and nothing that could change
 * which resource the path names (`/`, `?`, `#`, `%`, `\`, control characters, `.` or `..`). A bad ID is a
 * ConfigurationError and nothing is sent.
 */
import { ConfigurationError } from "../errors";

// Printable characters only; `%` is refused so an ID can never arrive pre-encoded and be decoded twice.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f/?#%\\\u2028\u2029]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What IDs almost always look like (UUIDs, names): nothing below can object to these characters. */
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

export function checkId(value: unknown, setting: string, maxLength: number): string {
  if (typeof value === "string" && value.length <= maxLength && PLAIN_ID.test(value)) return value;
  if (typeof value !== "string") {
    throw new ConfigurationError(`${setting} must be a string (got ${value === null ? "null" : typeof value})`, setting);
  }
  if (value.length === 0) throw new ConfigurationError(`${setting} is empty`, setting);
  // Characters are counted only when the UTF-16 length could exceed the limit (never for usual IDs).
  if (value.length > maxLength) {
    const length = [...value].length;
    if (length > maxLength) {
      throw new ConfigurationError(`${setting} is ${length} characters long; at most ${maxLength} are allowed`, setting);
    }
  }
  if (value === "." || value === "..") {
    throw new ConfigurationError(`${setting} must not be "." or ".."`, setting);
  }
  if (FORBIDDEN.test(value)) {
    throw new ConfigurationError(
      `${setting} contains a character that is not allowed in an ID ('/', '?', '#', '%', '\\' or a control character)`,
      setting,
    );
  }
  if (value !== value.trim()) {
    throw new ConfigurationError(`${setting} has leading or trailing white space`, setting);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new ConfigurationError(`${setting} contains an unpaired UTF-16 surrogate`, setting);
  }
  return value;
}

export const checkWorkflowId = (v: unknown) => checkId(v, "workflowId", 512);
export const checkExecutionId = (v: unknown) => checkId(v, "executionId", 64);
