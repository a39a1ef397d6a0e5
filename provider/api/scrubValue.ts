/**
 * Credentials removed from a parsed body, in every key, string and number, before anything reads it:
 * every field of a run or a list reaches messages, logs, CLI output or Pulumi state somewhere.
 */
import type { Scrubber } from "./redact";

/**
 * `value` with every credential replaced (a number that held one becomes the scrubbed text). What holds
 * none is returned as it is, the same object. Keys are defined, never assigned, so a `__proto__` key
 * stays data. Depth is bounded by the structure check that runs before parsing.
 */
export function scrubValue(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === "string") return scrub(value);
  if (typeof value === "number") {
    const text = String(value);
    return scrub(text) === text ? value : scrub(text);
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubValue(item, scrub));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  const entries = keys.map((k) => [scrub(k), scrubValue(source[k], scrub)] as const);
  if (entries.every(([k, v], i) => k === keys[i] && v === source[k])) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
