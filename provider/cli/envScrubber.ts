/**
 * The CLI's second line of defence against printing a credential: every text it writes is scrubbed of
 * the credential values found in its environment (the variables of config/credentialNames.ts). A value
 * is found whole, and also in part: any run of 16 or more of its characters, which is what a message cut
 * at some length (a 64-character ID, a 128-character name) leaves of it. The library scrubs with the
 * credentials it used; this also covers text the library cut first, and other sources that are set.
 */
import { CREDENTIAL_ENV_VARIABLES } from "../config/credentialNames";

/** Removes credential values from a text. */
export type EnvScrubber = (text: string) => string;

const REDACTED = "[redacted]";

/** Shorter runs of a secret's characters are too common to mean anything. */
const WINDOW = 16;

/** A value shorter than this is not treated as a secret at all (it would match everywhere). */
const MIN_SECRET = 4;

/** The long secrets' 16-character windows, and which UTF-16 units occur in them at all. */
interface Windows {
  set: ReadonlySet<string>;
  units: Uint8Array;
}

/**
 * Start and end of every part of `text` covered by a run of WINDOW characters of a long secret. Only
 * runs of units that occur in some secret are looked up, so ordinary text costs one table read a unit.
 */
function partialSpans(text: string, windows: Windows): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let run = 0;
  for (let end = 1; end <= text.length; end++) {
    run = windows.units[text.charCodeAt(end - 1)] === 1 ? run + 1 : 0;
    if (run < WINDOW || !windows.set.has(text.slice(end - WINDOW, end))) continue;
    const last = spans[spans.length - 1];
    if (last && end - WINDOW <= last[1]) last[1] = end;
    else spans.push([end - WINDOW, end]);
  }
  return spans;
}

function windowsOf(secrets: readonly string[]): Windows {
  const set = new Set<string>();
  const units = new Uint8Array(65536);
  for (const s of secrets) {
    for (let i = 0; i + WINDOW <= s.length; i++) set.add(s.slice(i, i + WINDOW));
    if (s.length >= WINDOW) for (let i = 0; i < s.length; i++) units[s.charCodeAt(i)] = 1;
  }
  return { set, units };
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

/** A scrubber for the credential values set in `env`. */
export function makeEnvScrubber(env: NodeJS.ProcessEnv): EnvScrubber {
  const secrets = CREDENTIAL_ENV_VARIABLES.map((n) => env[n]).filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET);
  const short = secrets.filter((s) => s.length < WINDOW).sort((a, b) => b.length - a.length);
  const windows = windowsOf(secrets);
  return (text) => {
    const out = windows.set.size === 0 ? text : redactSpans(text, partialSpans(text, windows));
    return short.reduce((t, s) => (t.includes(s) ? t.split(s).join(REDACTED) : t), out);
  };
}
