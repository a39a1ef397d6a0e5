/**
 * Text that came from the network is hostile: a gateway may echo its canonical request (which holds the
 * security token), a function may echo the secret key, and any field may carry terminal escapes or a
 * line break that starts a CI workflow command. Such text is scrubbed of credentials first and only then
 * flattened and cut: cutting first could leave a credential's prefix that the scrubber no longer sees.
 */
import type { Credentials } from "./signer";

export const REDACTED = "[redacted]";

export type Scrubber = (text: string) => string;

/** Credentials long enough to be one, longest first so that a secret containing another goes whole. */
function secretsOf(credentials: Credentials | undefined): string[] {
  return [credentials?.securityToken, credentials?.secretKey, credentials?.accessKey]
    .filter((s): s is string => typeof s === "string" && s.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/** Replaces every credential in a text with `[redacted]`. */
export function makeScrubber(credentials: Credentials | undefined): Scrubber {
  return (text) => {
    let out = text;
    // Read at each call: a scrubber must not go stale if its credentials object changes.
    for (const secret of secretsOf(credentials)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** Kept for callers that share one scrubber per credentials object; scrubbers hold no state. */
export const scrubberFor = makeScrubber;

/**
 * Characters that must never reach a terminal or a CI log from the network: C0 and C1 controls
 * (including ESC and CSI U+009B), DEL, line and paragraph separators, and the bidirectional formatting
 * characters that can make text display differently from what it is.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** One line of safe text, at most `max` characters (an ellipsis marks the cut). Scrub before calling. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  // Never end on half of a surrogate pair.
  return flat.slice(0, max - 1).replace(/[\ud800-\udbff]$/, "") + "…";
}

/** Scrubbed, then flattened and cut: the order that lets no credential prefix out. */
export function safeLine(text: string, scrub: Scrubber, max = 300): string {
  // The scrubbed text is cut generously before flattening, so a 30 MB body costs no 30 MB regex pass.
  return oneLine(scrub(text).slice(0, 16 * max), max);
}
