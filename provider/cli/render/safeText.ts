/**
 * The one gate between service-provided text and the CLI's output. Names, IDs, statuses, node errors and
 * error messages come from the network; on a terminal or in a CI log they could otherwise:
 * - move the cursor, recolor or retitle the terminal (C0/C1 controls such as ESC or U+009B, and DEL);
 * - reorder what the reader sees (bidi overrides and isolates, U+200E/U+200F, U+061C);
 * - start a line of their own (CR, LF, VT, FF, U+0085, U+2028, U+2029), which GitHub Actions reads as a
 *   workflow command (`::add-mask::`, `::error::`, `::stop-commands::`) when it begins with `::`;
 * - hold a legacy `##[command]`, which the Actions runner recognizes anywhere in a line.
 * Every such character becomes a space, runs of white space fold into one, and `##[` is broken up.
 * Secrets must be scrubbed before this function truncates: a cut secret can no longer be recognized.
 */

/** Bidi marks, embeddings, overrides and isolates: they reorder what the reader sees. */
const BIDI = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";

/** Control characters (C0, DEL, C1), line and paragraph separators, bidi controls, lone surrogates. */
const UNSAFE = new RegExp(`[\\p{Cc}\\p{Zl}\\p{Zp}${BIDI}]|\\p{Cs}`, "gu");

/** What `JSON.stringify` leaves unescaped of the above: DEL, C1, the separators, bidi controls. */
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${BIDI}]`, "g");

/** Text for the output: one line, without control or bidi characters, at most `max` characters. */
export function safeText(text: unknown, max = 300): string {
  const flat = String(text)
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .replace(/##\[/g, "# #[")
    .trim();
  // Counted in code points, so a cut never leaves half a surrogate pair behind.
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/**
 * JSON text with the characters `JSON.stringify` leaves raw (DEL, C1, bidi controls, line separators)
 * written as `\uXXXX` escapes, and the `[` of a legacy `##[` command as `\u005b`. The value is unchanged,
 * since all of these can only occur inside JSON strings, but the text a terminal or a CI log shows holds
 * none of them (JSON printed in a GitHub Actions step is read by the runner like any other line).
 */
export function safeJson(json: string): string {
  return json
    .replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/##\[/g, "##\\u005b");
}
