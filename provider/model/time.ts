/**
 * Time helpers shared by the ajv format (`fgs-utc-time`) and the mapping. Execution-level times arrive as
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

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * True for `""` and for a well-formed time on a real calendar day. The pattern alone accepts 2021-02-30,
 * which `Date.parse` silently turns into 2021-03-02; a gate must not decide on a shifted time.
 */
export function isUtcTimeString(s: string): boolean {
  return s === "" || (UTC_TIME_RE.test(s) && isRealTime(s));
}

/** Value of the two decimal digits at `i`, or -1 if either is not a digit (or is past the end). */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // charCodeAt past the end is NaN, and every comparison with NaN is false.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (civil-from-days inverted: 400-year eras, years starting in March). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Epoch milliseconds of a string that UTC_TIME_PATTERN accepts and whose day exists in its month;
 * undefined for any other string (`""` included). One pass over the characters, no Date: the same value
 * `Date.parse` gives (fraction digits past the third are dropped, as V8 does; a test compares the two on
 * random times), at a fraction of its cost. Every read validates three of these and maps them again.
 */
export function parseApiTime(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || n > 35) return undefined;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const h = twoDigits(s, 11);
  const m = twoDigits(s, 14);
  const sec = twoDigits(s, 17);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return undefined;
  // - - T : :
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const year = hi * 100 + lo;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > max) return undefined;
  let i = 19;
  let millis = 0;
  if (s.charCodeAt(i) === 46 /* . */) {
    const first = ++i;
    for (let c = s.charCodeAt(i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48) if (i - first < 3) millis = millis * 10 + c;
    const digits = i - first;
    if (digits === 0 || digits > 9) return undefined;
    if (digits === 1) millis *= 100;
    else if (digits === 2) millis *= 10;
  }
  let offsetMinutes = 0;
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */) {
    if (i + 1 !== n) return undefined;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const oh = twoDigits(s, i + 1);
    const om = twoDigits(s, i + 4);
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = zone === 43 ? oh * 60 + om : -(oh * 60 + om);
  } else {
    return undefined;
  }
  return daysFromCivil(year, month, day) * DAY_MS + h * 3_600_000 + m * 60_000 + sec * 1000 + millis - offsetMinutes * 60_000;
}

/**
 * The calendar half of `isUtcTimeString`: `""`, or a time of the pattern's shape on a real calendar day.
 * The `fgs-utc-time` format uses it (after the schema's pattern); it checks the shape again itself, so it
 * is never wrong on a string the pattern did not see.
 */
export function isRealTime(s: string): boolean {
  return s === "" || parseApiTime(s) !== undefined;
}

/**
 * Epoch milliseconds of a validated time string; undefined for `""` or a missing value. A non-empty string
 * that does not parse throws instead of becoming "absent": freshness checks depend on these times, and
 * such a string can only reach here if the body skipped validation.
 */
export function utcTimeToMillis(s: string | undefined): number | undefined {
  if (s === undefined || s === "") return undefined;
  const fast = parseApiTime(s);
  if (fast !== undefined) return fast;
  // Not the documented shape (an unvalidated body): whatever Date.parse makes of it, or an error.
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO-8601 time: ${JSON.stringify(s.slice(0, 64))}; validate the body first`);
  return ms;
}

/**
 * `toISOString()` text of a validated API time, given its epoch milliseconds. A time the API already wrote
 * in that form (`…:ssZ` or `…:ss.sssZ` in UTC, the usual case) is reused as it is, or completed with
 * `.000Z`, without formatting the number again.
 */
export function isoOfApiTime(text: string, ms: number): string {
  if (text.length === 24 && text.charCodeAt(19) === 46 /* . */ && text.charCodeAt(23) === 90 /* Z */ && ms >= 0 && ms < FAST_LIMIT_MS) return text;
  if (text.length === 20 && text.charCodeAt(19) === 90 /* Z */ && ms >= 0 && ms < FAST_LIMIT_MS) return `${text.slice(0, 19)}.000Z`;
  return millisToIso(ms);
}

/** 10000-01-01T00:00:00Z: from here on `toISOString` uses the six-digit `+yyyyyy` form, so the fast path stops. */
const FAST_LIMIT_MS = 253_402_300_800_000;
/** Character codes of `yyyy-MM-dd` for the last day rendered (node times of a run mostly share a day). */
const dayCodes = new Array<number>(10).fill(0);
let cachedDay = NaN;

/** Character code of a digit. */
function d(n: number): number {
  return 48 + n;
}

/**
 * Fills `dayCodes` for a day number (days since 1970-01-01, ≥ 0) with the proleptic Gregorian date,
 * using the days-to-civil algorithm (eras of 400 years, years starting in March) so no Date is needed.
 */
function setDay(day: number): void {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dd = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mm = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mm <= 2 ? 1 : 0);
  const c = dayCodes;
  c[0] = d(Math.floor(y / 1000));
  c[1] = d(Math.floor(y / 100) % 10);
  c[2] = d(Math.floor(y / 10) % 10);
  c[3] = d(y % 10);
  c[4] = 45; // '-'
  c[5] = d(Math.floor(mm / 10));
  c[6] = d(mm % 10);
  c[7] = 45;
  c[8] = d(Math.floor(dd / 10));
  c[9] = d(dd % 10);
  cachedDay = day;
}

/**
 * ISO-8601 UTC rendering of epoch milliseconds, identical to `new Date(ms).toISOString()`
 * (`1605119892050` → `2020-11-11T18:38:12.050Z`). Why not just call `toISOString`: a 200×200 body has
 * 80,000 node times, and `toISOString` takes ~0.45 µs and ~170 bytes of garbage each, which made the
 * mapping slower than JSON.parse. The date and time of the second are computed once per distinct second
 * and the millisecond suffix comes from a shared table, so a typical node time costs one string join. A
 * test compares the result with `toISOString` on random values. Outside 0 ≤ ms < year 10000 (or for non-integers) it defers to `toISOString`, RangeError included.
 */
export function millisToIso(ms: number): string {
  if (!(ms >= 0 && ms < FAST_LIMIT_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const second = Math.floor(ms / 1000);
  // The node times of a run cluster within seconds: reuse the `yyyy-MM-ddTHH:mm:ss` text of the last
  // second and append one of 1,000 shared `.mmmZ` suffixes (V8 joins the two without copying).
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedSecondText = secondText(second * 1000);
  }
  return cachedSecondText + (MILLI_SUFFIX[ms - second * 1000] as string);
}

let cachedSecond = NaN;
let cachedSecondText = "";
const MILLI_SUFFIX = Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, "0")}Z`);

/** `yyyy-MM-ddTHH:mm:ss` of a whole second. */
function secondText(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) setDay(day);
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const c = dayCodes;
  return String.fromCharCode(
    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], 84, // 'T'
    d(Math.floor(h / 10)), d(h % 10), 58, // ':'
    d(Math.floor(m / 10)), d(m % 10), 58,
    d(Math.floor(s / 10)), d(s % 10),
  );
}
