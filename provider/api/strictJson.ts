/**
 * What JSON.parse lets through and a gate must not: a key given twice in one object (parsers disagree on
 * which value wins, so `{"status":"fail", ..., "status":"success"}` means different things to different
 * readers), and nesting deep enough to cost gigabytes or overflow whoever walks the value later.
 *
 * One pass over the text, before it is parsed. It looks only at structure and keys; the text's validity
 * is left to JSON.parse, so on malformed text this check simply finds nothing.
 */

/** Deepest nesting of a whole body: the payload limit (128 levels) plus the body's own few levels. */
export const MAX_BODY_DEPTH = 160;

export interface StructureProblem {
  /** JSON pointer of the repeated key, or of the value that nests too deeply. */
  pointer: string;
  expected: string;
}

export interface StructureReport {
  problem?: StructureProblem;
  /** Whether any string used a backslash escape (its text then differs from its value). */
  escapes: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface ObjectFrame {
  keys: Set<string>;
  key: string | undefined;
  expectKey: boolean;
}
type Frame = ObjectFrame | { index: number };

/** Checks `text` for repeated keys and nesting beyond `maxDepth`. */
export function checkJsonStructure(text: string, maxDepth = MAX_BODY_DEPTH): StructureReport {
  const stack: Frame[] = [];
  let escapes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      const literal = text.slice(i, end + 1);
      const escaped = literal.includes("\\");
      escapes ||= escaped;
      const top = stack[stack.length - 1];
      if (top !== undefined && "keys" in top && top.expectKey) {
        const key = escaped ? decode(literal) : literal.slice(1, -1);
        if (key === undefined) break;
        top.key = key;
        if (top.keys.has(key)) return { escapes, problem: { pointer: pointerOf(stack), expected: "each key at most once in an object" } };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push(c === 0x7b ? { keys: new Set(), key: undefined, expectKey: true } : { index: 0 });
      if (stack.length > maxDepth) return { escapes, problem: { pointer: pointerOf(stack.slice(0, maxDepth)), expected: `a value nested at most ${maxDepth} levels deep` } };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (stack.pop() === undefined) break;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      if ("keys" in top) top.expectKey = true;
      else top.index++;
    }
  }
  return { escapes };
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

function decode(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/** RFC 6901 pointer of the innermost position of `stack` (an object before its first key adds nothing). */
function pointerOf(stack: Frame[]): string {
  let out = "";
  for (const f of stack) {
    const token = "keys" in f ? f.key : String(f.index);
    if (token !== undefined) out += `/${token.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  return out;
}
