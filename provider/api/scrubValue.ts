/**
 * Credentials removed from a parsed body, in every key, string and number, before anything reads it:
 * every field of a run or a list reaches messages, logs, CLI output or Pulumi state somewhere.
 */
import type { Scrubber } from "./redact";

/**
 * `value` with every credential replaced (a number that held one becomes the scrubbed text). What holds
 * none is returned as it is, the same object: a copy is made only from the first part that changes, so
 * walking a clean 7 MB body allocates nothing. Keys are defined, never assigned, so a `__proto__` key
 * stays data. Depth is bounded by the structure check that runs before parsing.
 */
export function scrubValue(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === "string") return scrub(value);
  if (typeof value === "number") {
    const text = String(value);
    const clean = scrub(text);
    return clean === text ? value : clean;
  }
  if (value === null || typeof value !== "object") return value;
  return Array.isArray(value) ? scrubArray(value, scrub) : scrubObject(value as Record<string, unknown>, scrub);
}

function scrubArray(items: readonly unknown[], scrub: Scrubber): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = scrubValue(items[i], scrub);
    if (copy === undefined && item !== items[i]) copy = items.slice(0, i);
    copy?.push(item);
  }
  return copy ?? items;
}

function scrubObject(source: Record<string, unknown>, scrub: Scrubber): Record<string, unknown> {
  const keys = Object.keys(source);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const cleanKey = scrub(key);
    const cleanValue = scrubValue(source[key], scrub);
    if (copy === undefined && (cleanKey !== key || cleanValue !== source[key])) {
      copy = {};
      for (const earlier of keys.slice(0, i)) define(copy, earlier, source[earlier]);
    }
    if (copy !== undefined) define(copy, cleanKey, cleanValue);
  }
  return copy ?? source;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
