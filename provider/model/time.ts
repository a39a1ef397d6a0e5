/**
 * Time helpers shared by the schema format `fgs-utc-time` and the mapping. Execution-level times arrive as
 * ISO-8601 strings, node-level times as epoch milliseconds; both leave the model as
 * `Date#toISOString()` strings (`2021-01-01T00:00:00.000Z`).
 */

/**
 * Same text as `definitions.utcTime.pattern` in schema/common.schema.json (a test keeps them equal).
 * Shape only: uppercase `T`, seconds 00..59, optional 1..9 fraction digits, `Z` or `±hh:mm`.
 */
export const UTC_TIME_PATTERN =
  "^$|^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$";
const UTC_TIME_RE = new RegExp(UTC_TIME_PATTERN);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/**
 * Epoch milliseconds of a non-empty string of the schema's shape whose day exists in its month; undefined
 * for anything else (`""` included). The calendar check matters: `Date.parse` silently turns 2021-02-30
 * into 2021-03-02, and a gate must not decide on a shifted time. On the accepted shape `Date.parse` is
 * exact (V8 keeps the first three fraction digits).
 */
export function parseApiTime(s: string): number | undefined {
  if (typeof s !== "string" || s === "" || !UTC_TIME_RE.test(s)) return undefined;
  // The pattern fixes the positions: yyyy-MM-dd...
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (day > daysInMonth(year, month)) return undefined;
  return Date.parse(s);
}

/** True for `""` and for a well-formed time on a real calendar day. */
export function isUtcTimeString(s: string): boolean {
  return s === "" || parseApiTime(s) !== undefined;
}

/**
 * The custom formats the generated validators (./generated/validators.ts) look up by name. The schema's
 * pattern runs first, but `isUtcTimeString` checks the shape again itself, so the format is never wrong
 * on a string the pattern did not see.
 */
export const SCHEMA_FORMATS = {
  "fgs-utc-time": { type: "string", validate: isUtcTimeString },
} as const;

/** An API time as epoch milliseconds and ISO-8601 UTC text; undefined for an empty string or nothing. */
export function apiTime(text: string | undefined): { ms: number; iso: string } | undefined {
  const ms = utcTimeToMillis(text);
  return ms === undefined ? undefined : { ms, iso: millisToIso(ms) };
}

/**
 * Epoch milliseconds of a validated time string; undefined for `""` or a missing value. A non-empty string
 * that does not parse throws instead of becoming "absent": freshness checks depend on these times, and
 * such a string can only reach here if the body skipped validation.
 */
export function utcTimeToMillis(s: string | undefined): number | undefined {
  if (s === undefined || s === "") return undefined;
  const ms = parseApiTime(s) ?? Date.parse(s);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO-8601 time: ${JSON.stringify(s.slice(0, 64))}; validate the body first`);
  return ms;
}

/** 10000-01-01T00:00:00Z: from here on `toISOString` writes a six-digit year, so the prefix cache stops. */
const YEAR_10000_MS = 253_402_300_800_000;
let cachedSecond = Number.NaN;
let cachedPrefix = "";
/** `.000Z` … `.999Z`, built on first use. */
let millisSuffixes: string[] | undefined;

/**
 * `new Date(ms).toISOString()` (`1605119892050` → `2020-11-11T18:38:12.050Z`), RangeError included.
 * The largest body has 80,000 node times clustered within seconds: a Date each would add about 35 ms to
 * that read, so the `yyyy-MM-ddTHH:mm:ss` of the last second is reused and joined with a shared suffix.
 */
export function millisToIso(ms: number): string {
  if (!(ms >= 0 && ms < YEAR_10000_MS && Number.isInteger(ms))) return new Date(ms).toISOString();
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  millisSuffixes ??= Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, "0")}Z`);
  return cachedPrefix + (millisSuffixes[ms - second * 1000] as string);
}
