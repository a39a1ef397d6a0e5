/**
 * What JSON.parse lets through and a gate must not: a key given twice in one object (parsers disagree on
 * which value wins, so `{"status":"fail", ..., "status":"success"}` means different things to different
 * readers), and nesting deep enough to cost gigabytes or overflow whoever walks the value later.
 *
 * Nesting is checked in one pass over the text before it is parsed (a hostile body is never built);
 * repeated keys by comparing the keys counted in the text with those of the parsed value, and located
 * precisely only when they differ. Validity is left to JSON.parse: on malformed text these checks
 * simply find nothing.
 */
import { escapeToken } from "../model/jsonPointer";

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

/** Past this many keys an object's keys go into a Set; below it a list is cheaper to search. */
const LIST_LIMIT = 16;

/**
 * The keys seen so far in one open object (or the index in one open array). One level per depth,
 * reused from one object to the next: a large body has tens of thousands of small objects.
 */
class Level {
  isObject = false;
  expectKey = false;
  index = 0;
  key: string | undefined = undefined;
  private readonly list: string[] = [];
  private set: Set<string> | undefined = undefined;

  open(isObject: boolean): void {
    this.isObject = isObject;
    this.expectKey = isObject;
    this.index = 0;
    this.key = undefined;
    this.list.length = 0;
    this.set = undefined;
  }

  /** Records a key; false when the object already had it. */
  add(key: string): boolean {
    this.key = key;
    if (this.set !== undefined) return this.set.size !== this.set.add(key).size;
    if (this.list.includes(key)) return false;
    this.list.push(key);
    if (this.list.length > LIST_LIMIT) this.set = new Set(this.list);
    return true;
  }
}

/** Where `text` repeats a key or nests beyond `maxDepth` (the slow, precise path: for messages). */
function locateProblem(text: string, maxDepth: number): StructureReport {
  const escapes = text.includes("\\");
  const levels: Level[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      const top = depth > 0 ? (levels[depth - 1] as Level) : undefined;
      if (top !== undefined && top.expectKey) {
        const literal = text.slice(i, end + 1);
        const key = escapes && literal.includes("\\") ? decode(literal) : literal.slice(1, -1);
        if (key === undefined) break;
        if (!top.add(key)) return { escapes, problem: { pointer: pointerOf(levels, depth), expected: "each key at most once in an object" } };
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === maxDepth) return { escapes, problem: { pointer: pointerOf(levels, depth), expected: `a value nested at most ${maxDepth} levels deep` } };
      if (levels.length === depth) levels.push(new Level());
      (levels[depth++] as Level).open(c === 0x7b);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth === 0) break;
      depth--;
    } else if (c === 0x2c /* , */) {
      if (depth === 0) break;
      const top = levels[depth - 1] as Level;
      if (top.isObject) top.expectKey = true;
      else top.index++;
    }
  }
  return { escapes };
}

/**
 * Counts the keys in `text` and checks its nesting, jumping from string to string: a key is a string
 * followed by a colon. Parsing keeps one value per repeated key, so `countKeys` of the parsed value is
 * smaller than this count exactly when a key repeats.
 */
export function checkJsonStructure(text: string, maxDepth = MAX_BODY_DEPTH): StructureReport & { keys: number } {
  let keys = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      i = end;
      let next = text.charCodeAt(++i);
      while (next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) next = text.charCodeAt(++i);
      if (next === 0x3a /* : */) keys++;
      i--;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { ...locateProblem(text, maxDepth), keys };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return { escapes: text.includes("\\"), keys };
}

/** The number of keys of every object in a parsed value (its depth is already bounded). */
function countKeys(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += countKeys(item);
    return n;
  }
  for (const key in value) n += 1 + countKeys((value as Record<string, unknown>)[key]);
  return n;
}

/** The problem to report when the parsed value has fewer keys than its text: the repeated key. */
function repeatedKey(text: string): StructureProblem {
  return locateProblem(text, Number.MAX_SAFE_INTEGER).problem ?? { pointer: "", expected: "each key at most once in an object" };
}

/** A body that breaks one of these rules. */
export class StructureError extends Error {
  constructor(readonly problem: StructureProblem) {
    super(`${problem.pointer || "/"}: expected ${problem.expected}`);
  }
}

/**
 * JSON.parse, refusing repeated keys and nesting beyond `maxDepth` (StructureError); a syntax error is
 * JSON.parse's own. `escapes` tells whether any string used a backslash escape.
 */
export function parseStrict(text: string, maxDepth = MAX_BODY_DEPTH): { value: unknown; escapes: boolean } {
  const scan = checkJsonStructure(text, maxDepth);
  if (scan.problem !== undefined) throw new StructureError(scan.problem);
  const value: unknown = JSON.parse(text);
  if (countKeys(value) !== scan.keys) throw new StructureError(repeatedKey(text));
  return { value, escapes: scan.escapes };
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

/** RFC 6901 pointer of the innermost position (an object before its first key adds nothing). */
function pointerOf(levels: Level[], depth: number): string {
  let out = "";
  for (const level of levels.slice(0, depth)) {
    const token = level.isObject ? level.key : String(level.index);
    if (token !== undefined) out += `/${escapeToken(token)}`;
  }
  return out;
}
