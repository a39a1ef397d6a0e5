/**
 * Scrubbing of text that came from the network before it goes into an error message: a gateway may echo
 * its canonical request (which contains the security token) or the access key. Secrets are replaced with
 * `[redacted]`, control characters folded, and long text cut with an ellipsis.
 */
import type { Credentials } from "./signer";

export const REDACTED = "[redacted]";

export type Scrubber = (text: string) => string;

/** Longest first, so a secret that contains another is replaced whole. */
function secretsOf(credentials: Credentials | undefined): string[] {
  return [credentials?.securityToken, credentials?.secretKey, credentials?.accessKey]
    .filter((s): s is string => typeof s === "string" && s.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/** A scrubber for these credentials; the list of secrets is built on first use (most calls never scrub). */
export function makeScrubber(credentials: Credentials | undefined): Scrubber {
  let secrets: string[] | undefined;
  return (text) => {
    secrets ??= secretsOf(credentials);
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/** One line, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}
