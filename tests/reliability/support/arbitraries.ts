/**
 * Generators of hostile input: strings built from pieces that have broken path and header handling
 * elsewhere (dot segments, slashes, percent escapes, CR/LF, NUL, C1 controls, lone surrogates, combining
 * marks, emoji, injected header lines), plus random Unicode and boundary lengths.
 */
import fc from "fast-check";

const PIECES = [
  "", ".", "..", "/", "\\", "?", "#", "%", "%2F", "%2f", "%2e%2e", "%00", "%25", "%zz", "\r", "\n", "\r\n",
  "\u0000", "\t", " ", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\u200b", "é", "e\u0301",
  "日本語", "😀", "\ud800", "\udfff", "+", "&", "=", ";", ":", "@", "'", '"', "<", ">", "|", "~", "*", "!",
  "$", ",", "(", ")", "[", "]", "{", "}", "^", "`", "../", "./", "X-Injected: 1", "\r\nX-Injected: 1",
  "a", "Z", "0", "-", "_",
];

/** One piece of a hostile string. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)) },
);

const BOUNDARY_LENGTHS = [1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 511, 512, 513, 1024, 1025];

/** A string of any shape: concatenated pieces, long runs at boundary lengths, or random Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { maxLength: 8 }).map((a) => a.join("")) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(...BOUNDARY_LENGTHS), fc.integer({ min: 1, max: 700 })), fc.constantFrom("a", "é", "😀", "-", "7"))
      .map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 40, maxLength: 600 }) },
);

/** Mostly-hostile, sometimes clean (so the accepting path is exercised too). */
export function mixed(clean: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: clean });
}

/** Code points, not UTF-16 units. */
export function codePoints(s: string): number {
  return [...s].length;
}

export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * Path IDs that can never be sent as they are: empty, too long, a dot segment, anything that changes
 * which resource a path names (`/`, `?`, `#`), control characters, or text UTF-8 cannot encode.
 */
export function idMustBeRefused(id: string, maxLength: number): boolean {
  return (
    id === "" ||
    id === "." ||
    id === ".." ||
    codePoints(id) > maxLength ||
    /[/?#\u0000-\u001f\u007f]/.test(id) ||
    hasLoneSurrogate(id)
  );
}

/** The documented ID shape (UUIDs, names with letters, digits, '-' and '_'): must always work. */
export function idMustBeAccepted(id: string, maxLength: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(id) && id.length <= maxLength;
}
