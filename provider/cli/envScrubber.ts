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

/** Start and end of every part of `text` covered by a run of WINDOW characters of a long secret. */
function partialSpans(text: string, windows: ReadonlySet<string>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + WINDOW <= text.length; i++) {
    if (!windows.has(text.slice(i, i + WINDOW))) continue;
    const last = spans[spans.length - 1];
    if (last && i <= last[1]) last[1] = i + WINDOW;
    else spans.push([i, i + WINDOW]);
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

/** A scrubber for the credential values set in `env`. */
export function makeEnvScrubber(env: NodeJS.ProcessEnv): EnvScrubber {
  const secrets = CREDENTIAL_ENV_VARIABLES.map((n) => env[n]).filter((v): v is string => typeof v === "string" && v.length >= MIN_SECRET);
  const short = secrets.filter((s) => s.length < WINDOW).sort((a, b) => b.length - a.length);
  const windows = new Set<string>();
  for (const s of secrets) for (let i = 0; i + WINDOW <= s.length; i++) windows.add(s.slice(i, i + WINDOW));
  return (text) => {
    const out = windows.size === 0 ? text : redactSpans(text, partialSpans(text, windows));
    return short.reduce((t, s) => (t.includes(s) ? t.split(s).join(REDACTED) : t), out);
  };
}
