/**
 * What makes text unsafe in a terminal or a CI log: control characters (C0 other than newline and tab,
 * DEL, C1 such as U+009B, so any ESC sequence), bidi controls, and a line that is a GitHub workflow
 * command the CLI did not write itself (its own are `::error title=...::`, properties escaped).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const OWN_COMMAND = /^::(error|warning|notice) title=[^:\n]*::/;

/** Everything wrong with `text` as terminal or CI-log output (empty when it is safe). */
export function terminalProblems(text: string): string[] {
  const found: string[] = [];
  const control = CONTROL.exec(text);
  if (control) found.push(`control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, "0")}`);
  const bidi = BIDI.exec(text);
  if (bidi) found.push(`bidi control U+${bidi[0].codePointAt(0)!.toString(16)}`);
  for (const line of text.split("\n")) {
    if (line.startsWith("::") && !OWN_COMMAND.test(line)) found.push(`a line that is a workflow command: ${JSON.stringify(line.slice(0, 40))}`);
  }
  return found;
}
