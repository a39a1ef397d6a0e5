/**
 * The `matches` operator's regular expressions run on RE2 (re2js): linear time on any input, so a
 * pattern from a pipeline's configuration can never stall a gate. Loaded only when a condition uses it.
 */
import { oneLine } from "../../api/redact";
import { ConfigurationError } from "../../errors";

/** Longest pattern accepted. */
export const MAX_PATTERN_LENGTH = 256;

export interface Pattern {
  /** True when the pattern occurs somewhere in `text` (search, as RegExp#test does). */
  test(text: string): boolean;
}

export function compilePattern(source: string, setting: string): Pattern {
  if (source.length > MAX_PATTERN_LENGTH) throw new ConfigurationError(`${setting} is longer than ${MAX_PATTERN_LENGTH} characters`, setting);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2JS } = require("re2js") as typeof import("re2js");
  let compiled: ReturnType<typeof RE2JS.compile>;
  try {
    compiled = RE2JS.compile(source);
  } catch (e) {
    // RE2's message quotes the pattern: made one safe line like any other text shown to a terminal or log.
    const why = e instanceof Error ? oneLine(e.message, 120) : "invalid";
    throw new ConfigurationError(`${setting} is not a regular expression RE2 accepts: ${why}`, setting);
  }
  return { test: (text) => compiled.matcher(text).find() };
}
