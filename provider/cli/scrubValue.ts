/**
 * The CLI's second line of defence for stdout: a copy of a JSON-like value with every string passed
 * through the environment's credential scrubber, before any renderer formats or truncates it (a cut
 * secret could no longer be recognized). The library already scrubs what the service sent with the
 * credentials in use; this also covers a credential of another source that happens to be set.
 */
import type { EnvScrubber } from "./envScrubber";

/**
 * `value` with every string scrubbed; arrays and plain objects are copied, other values kept. Keys are
 * defined as own data properties, so a `__proto__` key from the service stays data.
 */
export function scrubValue<T>(value: T, scrub: EnvScrubber): T {
  return copy(value, scrub) as T;
}

function copy(value: unknown, scrub: EnvScrubber): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((v) => copy(v, scrub));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), copy(v, scrub)]));
}
