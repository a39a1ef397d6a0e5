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

/** Whether `text` contains `secret` (a credential too short to be one is ignored, as in secretsOf). */
function contains(text: string, secret: string | undefined): boolean {
  return typeof secret === "string" && secret.length >= 4 && text.includes(secret);
}

/**
 * A scrubber for these credentials. Almost all text contains none of them: that case costs three
 * substring searches and allocates nothing; the ordered list of secrets is built only when one is found.
 */
export function makeScrubber(credentials: Credentials | undefined): Scrubber {
  return (text) => {
    if (!contains(text, credentials?.securityToken) && !contains(text, credentials?.secretKey) && !contains(text, credentials?.accessKey)) {
      return text;
    }
    // Read afresh each time (this path is rare): a scrubber may outlive a change to its credentials object.
    let out = text;
    for (const s of secretsOf(credentials)) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/** Scrubbers by credentials object: a read's client, its node-error scrubbing and its gate share one. */
const scrubbers = new WeakMap<Credentials, Scrubber>();

/** The scrubber for these credentials, made once per credentials object (settings resolve a fresh one per call). */
export function scrubberFor(credentials: Credentials): Scrubber {
  let s = scrubbers.get(credentials);
  if (s === undefined) {
    s = makeScrubber(credentials);
    scrubbers.set(credentials, s);
  }
  return s;
}

/** One line, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}
