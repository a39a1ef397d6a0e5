/**
 * Text that came from the network is hostile: a gateway may echo its canonical request (which holds the
 * security token), a function may echo the secret key, and any field may carry terminal escapes or a
 * line break that starts a CI workflow command. Such text is scrubbed of credentials first and only then
 * flattened and cut: cutting first could leave a credential's prefix that the scrubber no longer sees.
 */
import type { Credentials } from "./signer";

const REDACTED = "[redacted]";

export type Scrubber = (text: string) => string;

/** A value shorter than this is not treated as a secret (it would match everywhere). */
const MIN_SECRET = 4;

/** Runs of at least this many characters of a secret are redacted too: what a cut leaves of it. */
const PARTIAL_WINDOW = 16;

/** The 16-character windows of the long secrets, and which UTF-16 units occur in them at all. */
interface Windows {
  set: ReadonlySet<string>;
  units: Uint8Array;
}

function windowsOf(secrets: readonly string[]): Windows {
  const set = new Set<string>();
  const units = new Uint8Array(65536);
  for (const s of secrets) {
    if (s.length < PARTIAL_WINDOW) continue;
    for (let i = 0; i + PARTIAL_WINDOW <= s.length; i++) set.add(s.slice(i, i + PARTIAL_WINDOW));
    for (let i = 0; i < s.length; i++) units[s.charCodeAt(i)] = 1;
  }
  return { set, units };
}

/**
 * Start and end of every part of `text` covered by runs of a long secret's windows. Only runs of units
 * that occur in some secret are looked up, so ordinary text costs one table read per unit.
 */
function partialSpans(text: string, windows: Windows): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let run = 0;
  for (let end = 1; end <= text.length; end++) {
    run = windows.units[text.charCodeAt(end - 1)] === 1 ? run + 1 : 0;
    if (run < PARTIAL_WINDOW || !windows.set.has(text.slice(end - PARTIAL_WINDOW, end))) continue;
    const last = spans[spans.length - 1];
    if (last && end - PARTIAL_WINDOW <= last[1]) last[1] = end;
    else spans.push([end - PARTIAL_WINDOW, end]);
  }
  return spans;
}

function redactSpans(text: string, spans: ReadonlyArray<[number, number]>): string {
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * A scrubber for these secret values: each is replaced whole, and any run of 16 or more of its
 * characters too (a message or an ID cut at some length leaves such a run of a long token).
 */
export function secretScrubber(values: ReadonlyArray<string | undefined>): Scrubber {
  const secrets = values.filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET);
  const short = secrets.filter((s) => s.length < PARTIAL_WINDOW).sort((a, b) => b.length - a.length);
  const windows = windowsOf(secrets);
  return (text) => {
    const out = windows.set.size === 0 ? text : redactSpans(text, partialSpans(text, windows));
    return short.reduce((t, s) => (t.includes(s) ? t.split(s).join(REDACTED) : t), out);
  };
}

/** The secrets of a credentials object, as the scrubber and the body check take them. */
export function secretsOf(credentials: Credentials | undefined): string[] {
  return [credentials?.securityToken, credentials?.secretKey, credentials?.accessKey].filter(
    (s): s is string => typeof s === "string" && s.length >= MIN_SECRET,
  );
}

/** Whether `text` holds a whole secret: the cheap check a large body gets before it is walked. */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => text.includes(s));
}

/** Scrubbers by their secrets: settings are resolved afresh for every call, the secrets rarely change. */
const scrubbers = new Map<string, Scrubber>();
const MAX_SCRUBBERS = 16;

/** The scrubber of a credentials object, built once per distinct set of values. */
export function makeScrubber(credentials: Credentials | undefined): Scrubber {
  const secrets = secretsOf(credentials);
  const key = secrets.join("\u0000");
  let scrub = scrubbers.get(key);
  if (scrub === undefined) {
    scrub = secretScrubber(secrets);
    if (scrubbers.size >= MAX_SCRUBBERS) scrubbers.delete(scrubbers.keys().next().value as string);
    scrubbers.set(key, scrub);
  }
  return scrub;
}

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
