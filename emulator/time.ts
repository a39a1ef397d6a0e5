/**
 * Time helpers: scenario time specs, the API's two time formats, and the list API's query times.
 * Everything takes the clock values as arguments so that tests can drive time.
 */
import type { TimeSpec } from "./scenario";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^([+-])((?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/;
const RELATIVE_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
// A zone is required: a zone-less ISO date would be read in the host's local time.
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is a valid {@link TimeSpec} string. */
export function isTimeSpec(value: string): boolean {
  return value === "now" || RELATIVE.test(value) || (ABSOLUTE.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Offset in ms of a relative spec (`"-5m"` → -300000); undefined for anything else. */
export function relativeOffsetMs(value: string): number | undefined {
  const m = RELATIVE.exec(value);
  if (!m) return undefined;
  let total = 0;
  for (const part of (m[2] as string).matchAll(RELATIVE_PART)) total += Number(part[1]) * (UNIT_MS[part[2] as string] as number);
  return m[1] === "-" ? -total : total;
}

/** Epoch ms of a spec (or an epoch-ms number) against `base`. Throws on an invalid spec. */
export function resolveTime(spec: TimeSpec | number, base: number): number {
  if (typeof spec === "number") return spec;
  if (spec === "now") return base;
  const offset = relativeOffsetMs(spec);
  if (offset !== undefined) return Math.round(base + offset);
  if (ABSOLUTE.test(spec)) {
    const t = Date.parse(spec);
    if (!Number.isNaN(t)) return t;
  }
  throw new Error(`invalid time "${spec}"`);
}

/** `yyyy-MM-ddTHH:mm:ssZ`, UTC, the execution-level format of the API. */
export function formatApiTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** RFC 9110 HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`), for Retry-After. */
export function formatHttpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

const QUERY_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})Z?$/;

/**
 * Parses a list-API query time: `yyyy-MM-ddTHH:mm:ssZ` or `yyyy-MM-dd HH:mm:ss` (both UTC, as documented).
 * Returns undefined when malformed or not a real calendar date.
 */
export function parseQueryTime(value: string): number | undefined {
  const m = QUERY_TIME.exec(value);
  if (!m) return undefined;
  // The T form must carry its Z and the space form must not: mixing them is a client bug worth a 400.
  if (value.includes("T") !== value.endsWith("Z")) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return t;
}

/** Parses an execution-level body time back to epoch ms (for filtering raw bodies); undefined if not one. */
export function parseApiTime(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
