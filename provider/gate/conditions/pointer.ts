/** RFC 6901 JSON Pointers: checked when a condition is given, resolved against a run's values. */
import { unescapeToken } from "../../model/jsonPointer";

/** Why `pointer` is not a JSON Pointer, or undefined when it is one. */
export function pointerProblem(pointer: unknown): string | undefined {
  if (typeof pointer !== "string") return "must be a string";
  if (pointer !== "" && !pointer.startsWith("/")) return 'must be "" or start with "/"';
  if (/~(?![01])/.test(pointer)) return 'has a "~" not followed by 0 or 1';
  return undefined;
}

/** The value at `pointer`, or `{ found: false }`. Only own properties count; array indexes have no sign or leading zero. */
export function resolvePointer(root: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  if (pointer === "") return root === undefined ? { found: false } : { found: true, value: root };
  let value = root;
  for (const raw of pointer.slice(1).split("/")) {
    const token = unescapeToken(raw);
    if (Array.isArray(value)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= value.length) return { found: false };
      value = value[Number(token)];
    } else if (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, token)) {
      value = (value as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return value === undefined ? { found: false } : { found: true, value };
}
