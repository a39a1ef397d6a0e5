/**
 * The one rule for a duration given in seconds (timeouts, intervals, deadlines, maximum ages): a finite
 * number, at least its minimum, and under 2^31 ms once converted. Node's timers take a signed 32-bit
 * count of milliseconds: a longer delay is silently replaced by 1 ms, so a "wait 30 days" would poll
 * in a tight loop instead. NaN, infinities and negative values are refused for the same reason.
 */
import { MAX_TIMER_MS } from "../api/abort";
import { ConfigurationError } from "../errors";

/** The largest delay Node's timers honour, in milliseconds (2^31 - 1): the timers' own bound. */
export { MAX_TIMER_MS };

/** The largest duration accepted, in whole seconds (2147483 s, about 24.8 days). */
export const MAX_DURATION_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/**
 * Milliseconds of `value` seconds, rounded; a ConfigurationError naming `setting` when `value` is not a
 * finite number from `minSeconds` to {@link MAX_DURATION_SECONDS}.
 */
export function durationMs(value: unknown, setting: string, minSeconds: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < minSeconds || value > MAX_DURATION_SECONDS) {
    throw new ConfigurationError(
      `${setting} must be a finite number of seconds from ${minSeconds} to ${MAX_DURATION_SECONDS} (Node's timers cannot wait 2^31 ms or longer)`,
      setting,
    );
  }
  return Math.round(value * 1000);
}
