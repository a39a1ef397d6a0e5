/**
 * Credentials made of the characters that JSON and util.inspect escape (`"`, `\`, `'`), one in every
 * few characters, so that a secret quoted by JSON.stringify or util.inspect no longer contains itself.
 * A scrubber that runs after such quoting misses it; `escapedLeaks` finds the raw and the quoted forms.
 */
import { createHash } from "node:crypto";
import { inspect } from "node:util";

const hex = (seed: string) => createHash("sha256").update(seed).digest("hex");
const sprinkle = (s: string) => s.replace(/(.{5})/g, (m, _g, i: number) => `${m}${['"', "\\", "'"][i % 3]}`);

export const SPECIAL_SECRET_KEY = sprinkle(`${hex("special-sk-1")}${hex("special-sk-2")}`);
/** Printable ASCII without spaces, as a token must be. */
export const SPECIAL_TOKEN = sprinkle(`${hex("special-t-1")}${hex("special-t-2")}${hex("special-t-3")}`);
export const SPECIAL_CREDENTIALS = { accessKey: "AKTRUSTSPECIAL000001", secretKey: SPECIAL_SECRET_KEY, securityToken: SPECIAL_TOKEN };

const WINDOW = 16;
const forms = (s: string) => [s, JSON.stringify(s).slice(1, -1), inspect(s).slice(1, -1), JSON.stringify(JSON.stringify(s)).slice(1, -1)];

/** Which secret (in which quoted form) has a run of 16 characters in `text`. */
export function escapedLeaks(text: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of [["secret key", SPECIAL_SECRET_KEY], ["security token", SPECIAL_TOKEN]] as const) {
    forms(secret).forEach((form, f) => {
      for (let i = 0; i + WINDOW <= form.length; i++) {
        if (text.includes(form.slice(i, i + WINDOW))) {
          found.push(`${name} (form ${f}, from character ${i})`);
          return;
        }
      }
    });
  }
  return found;
}
