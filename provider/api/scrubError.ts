/**
 * The last scrub before an error leaves the library: its message, stack and every string field, with the
 * call's scrubber (whole secrets and long runs of them). Messages are built from text that was scrubbed
 * as it arrived; this also catches what a cut left of a secret, wherever a message was assembled.
 */
import type { Scrubber } from "./redact";

export function scrubError(e: unknown, scrub: Scrubber): unknown {
  if (!(e instanceof Error)) return e;
  const fields = e as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value !== "string") continue;
    const clean = scrub(value);
    if (clean !== value) fields[key] = clean;
  }
  const message = scrub(e.message);
  if (message !== e.message) e.message = message;
  if (typeof e.stack === "string") {
    const stack = scrub(e.stack);
    if (stack !== e.stack) e.stack = stack;
  }
  return e;
}

/** `work`, with any error it throws scrubbed. */
export async function scrubbingErrors<T>(work: Promise<T>, scrub: Scrubber): Promise<T> {
  try {
    return await work;
  } catch (e) {
    throw scrubError(e, scrub);
  }
}
