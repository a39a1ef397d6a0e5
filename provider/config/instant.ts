/**
 * Instants given by the user (`notBefore`, `since`, `until`): a Date, or an ISO-8601 date-time *with a
 * zone*. A zone-less string would be read in this machine's local time, which on a UTC+8 runner would let
 * a run eight hours too old pass a freshness gate, so it is refused.
 */
import { ConfigurationError } from "../errors";

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch milliseconds of a Date or zoned ISO-8601 string; undefined when absent. */
export function parseInstant(value: unknown, setting: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === "string" && ZONED.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new ConfigurationError(
      `${setting} must be a Date or an ISO-8601 date-time with a zone (e.g. 2024-05-06T07:08:09Z or 2024-05-06T15:08:09+08:00)`,
      setting,
    );
  }
  return ms;
}
