/**
 * The `--condition` syntax: `SOURCE:POINTER OPERATOR [VALUE]`, turned into the library's Condition.
 *
 *   output:/verdict == "ok"            node[integration-tests]:/failed <= 0
 *   output:/stage in ["canary","ga"]   output:/report exists      output:/report exists false
 *   input:/x != 1                      output:/label matches "^v[0-9]+"
 *
 * SOURCE is `output`, `input` or `node[NAME]` (NAME ends at the first `]:`). POINTER is an RFC 6901 JSON
 * Pointer that ends at the first white space, or a JSON string (`output:"/a b" == 1`) when it holds
 * spaces. VALUE is the rest of the text, parsed with JSON.parse: a hand-written scanner for the parts
 * before it and no `eval` anywhere. A mistake is a ConditionSyntaxError with the 1-based column it was
 * found at; the library checks the rest (pointer syntax, pattern length) before any request.
 */
import { jsonErrorOffset } from "./jsonArg";
import type { Condition, ConditionSource } from "../conditionArgs";

/** A mistake in one `--condition` expression, at `column` (1-based). */
export class ConditionSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly problem: string,
  ) {
    super(`column ${column}: ${problem}`);
    this.name = "ConditionSyntaxError";
  }
}

/** The operators as written, longest first so that `<=` is not read as `<`. */
const SYMBOLS: ReadonlyArray<[string, "equals" | "notEquals" | "lte" | "gte" | "lt" | "gt"]> = [
  ["==", "equals"],
  ["!=", "notEquals"],
  ["<=", "lte"],
  [">=", "gte"],
  ["<", "lt"],
  [">", "gt"],
];
const WORDS = ["in", "exists", "matches"] as const;
const OPERATOR_LIST = "==, !=, <, <=, >, >=, in, exists, matches";

/** A small cursor over the expression: the position and the helpers that read from it. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  fail(problem: string, at = this.pos): never {
    throw new ConditionSyntaxError(at + 1, problem);
  }
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
}

function readSource(s: Scanner): ConditionSource {
  for (const word of ["output", "input"] as const) {
    if (s.startsWith(`${word}:`)) {
      s.pos += word.length + 1;
      return word;
    }
  }
  if (s.startsWith("node[")) {
    const open = s.pos + "node[".length;
    const close = s.text.indexOf("]:", open);
    if (close < 0) s.fail('expected "]:" after the node name (node[NAME]:/pointer)', open);
    if (close === open) s.fail("the node name is empty", open);
    s.pos = close + 2;
    return { node: s.text.slice(open, close) };
  }
  return s.fail('expected a source: "output:", "input:" or "node[NAME]:"');
}

function readPointer(s: Scanner): string {
  const start = s.pos;
  if (s.startsWith('"')) {
    const end = jsonStringEnd(s.text, start);
    if (end < 0) s.fail("the quoted pointer has no closing quote", start);
    s.pos = end;
    return JSON.parse(s.text.slice(start, end)) as string;
  }
  while (s.pos < s.text.length && !/\s/.test(s.text[s.pos] as string)) s.pos++;
  const pointer = s.text.slice(start, s.pos);
  if (pointer !== "" && !pointer.startsWith("/")) s.fail('a JSON Pointer starts with "/" (or is empty for the whole value)', start);
  return pointer;
}

/** The index just past the JSON string starting at `start` (a `"`), or -1 when it is not closed. */
function jsonStringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

type OperatorName = "equals" | "notEquals" | "lt" | "lte" | "gt" | "gte" | "in" | "exists" | "matches";

function readOperator(s: Scanner): OperatorName {
  const at = s.pos;
  if (at >= s.text.length) s.fail(`expected an operator after the pointer (${OPERATOR_LIST})`);
  for (const [symbol, name] of SYMBOLS) {
    if (s.startsWith(symbol)) {
      s.pos += symbol.length;
      return name;
    }
  }
  for (const word of WORDS) {
    const after = s.text[at + word.length];
    if (s.startsWith(word) && (after === undefined || /\s/.test(after))) {
      s.pos += word.length;
      return word;
    }
  }
  return s.fail(`expected an operator (${OPERATOR_LIST})`);
}

/** The value after the operator: JSON, else a syntax error at the column JSON.parse stopped at. */
function readValue(s: Scanner, operator: OperatorName): unknown {
  const start = s.pos;
  const text = s.rest();
  if (text.trim() === "") {
    if (operator === "exists") return true;
    s.fail(`expected a JSON value after the operator, e.g. "text", 3, true, null or ["a","b"]`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text, e) ?? 0;
    return s.fail('the value is not valid JSON (strings need double quotes: "ok")', start + offset);
  }
}

/** The value must suit the operator: numbers for <, <=, >, >=; a list for in; a string for matches. */
function checkValue(operator: OperatorName, value: unknown, s: Scanner, at: number): void {
  if (["lt", "lte", "gt", "gte"].includes(operator) && (typeof value !== "number" || !Number.isFinite(value))) {
    s.fail("<, <=, > and >= compare numbers: the value must be a JSON number", at);
  }
  if (operator === "in" && !Array.isArray(value)) s.fail('in needs a JSON list, e.g. ["canary","ga"]', at);
  if (operator === "matches" && typeof value !== "string") s.fail('matches needs a JSON string holding a regular expression, e.g. "^v[0-9]+"', at);
  if (operator === "exists" && typeof value !== "boolean") s.fail("exists takes nothing, or true or false", at);
}

/** Parses one `--condition` expression into the library's Condition. */
export function parseCondition(text: string): Condition {
  const s = new Scanner(text);
  s.skipSpace();
  const source = readSource(s);
  const path = readPointer(s);
  if (s.pos < text.length && !/\s/.test(text[s.pos] as string)) s.fail("expected a space after the pointer");
  s.skipSpace();
  const operator = readOperator(s);
  s.skipSpace();
  const at = s.pos;
  const value = readValue(s, operator);
  checkValue(operator, value, s, at);
  return { source, path, [operator]: value } as unknown as Condition;
}
