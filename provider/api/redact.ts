/**
 * Scrubbing of text that came from the network before it goes into an error message: a gateway may echo
 * its canonical request (which contains the security token) or the access key. Secrets are replaced with
 * `[redacted]`, control characters folded, and long text cut with an ellipsis.
 */
import type { Credentials } from "./signer";

export const REDACTED = "[redacted]";

export type Scrubber = (text: string) => string;

export function makeScrubber(credentials: Credentials | undefined): Scrubber {
  const secrets = [credentials?.securityToken, credentials?.secretKey, credentials?.accessKey]
    .filter((s): s is string => typeof s === "string" && s.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of secrets) out = out.split(s).join(REDACTED);
    return out;
  };
}

/** One line, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}
