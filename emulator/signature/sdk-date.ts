/**
 * `X-Sdk-Date`: basic ISO-8601 in UTC, `YYYYMMDDTHHMMSSZ`. The value goes into the string to sign verbatim,
 * so only this exact form is accepted (no separators, no fraction, the `Z` required).
 */

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Epoch ms of a valid `X-Sdk-Date`, or undefined (wrong form or a date that does not exist). */
export function parseSdkDate(value: string): number | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a date that changes on the round trip does not exist.
  const exists = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s;
  return exists ? ms : undefined;
}
