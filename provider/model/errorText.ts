/**
 * One-line rendering of a node's `error_message`. The API documents it only as "an object"; the published
 * example even puts the whole message in a key (`{"detail:\"Execution failed\"": null}`), so the renderer
 * prefers well-known keys and otherwise lists `key: value` pairs. Work is bounded by a character budget so
 * a huge nested value costs no more than a short one.
 */
import type { JsonObject, NodeExecution } from "./types";

/** Longest rendering returned, ellipsis included. */
export const ERROR_TEXT_MAX = 300;
/** Raw characters gathered before whitespace is collapsed (collapsing can only shorten). */
const RAW_BUDGET = ERROR_TEXT_MAX * 4;
/** Nesting beyond this is shown as `…`; also stops cycles in non-JSON input. */
const MAX_DEPTH = 6;

/** Well-known keys, most preferred first. */
const CODE_KEYS = ["error_code", "errorCode", "code"];
const MESSAGE_KEYS = ["error_msg", "errorMsg", "message", "msg", "detail", "details", "reason"];
const CODE_RANK = new Map(CODE_KEYS.map((k, i) => [k, i]));
const MESSAGE_RANK = new Map(MESSAGE_KEYS.map((k, i) => [k, i]));
const hasOwn = Object.prototype.hasOwnProperty;

/** Appends text up to a budget and remembers whether anything was cut. */
class Writer {
  text = "";
  cut = false;
  write(s: string): void {
    const room = RAW_BUDGET - this.text.length;
    if (s.length <= room) this.text += s;
    else {
      this.text += s.slice(0, Math.max(room, 0));
      this.cut = true;
    }
  }
  /** Once full, later writes are skipped; the output then counts as cut. */
  get full(): boolean {
    return this.text.length >= RAW_BUDGET;
  }
}

/** True for values that carry no information (`null`, `undefined`, `""`). */
function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** The preferred non-blank code and message of an object, found in one pass over its own keys. */
interface WellKnown {
  code: unknown;
  message: unknown;
}

function findWellKnown(o: Record<string, unknown>): WellKnown {
  let code: unknown;
  let message: unknown;
  let codeRank = Infinity;
  let messageRank = Infinity;
  // One pass over the (usually one or two) own keys is cheaper than probing ten absent names.
  for (const k in o) {
    if (!hasOwn.call(o, k)) continue;
    const cr = CODE_RANK.get(k);
    const mr = cr === undefined ? MESSAGE_RANK.get(k) : undefined;
    if (cr === undefined && mr === undefined) continue;
    const v = o[k];
    if (isBlank(v)) continue;
    if (cr !== undefined && cr < codeRank) {
      codeRank = cr;
      code = v;
    }
    if (mr !== undefined && mr < messageRank) {
      messageRank = mr;
      message = v;
    }
  }
  return { code, message };
}

/** Whitespace that `finish` would change: anything but single inner spaces. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]|^ | $/;

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/**
 * The common case without the general machinery: an object whose relevant values are all primitives.
 * A body can carry 40,000 error messages, so this path allocates nothing beyond the result (often not
 * even that: `{"detail:\"Execution failed\"": null}` renders as its own key). Returns null when the
 * object needs the general path.
 */
function quick(o: Record<string, unknown>): string | undefined | null {
  const { code, message } = findWellKnown(o);
  let text = "";
  if (code !== undefined || message !== undefined) {
    if ((code !== undefined && !isPrimitive(code)) || (message !== undefined && !isPrimitive(message))) return null;
    text = code === undefined ? String(message) : message === undefined ? String(code) : `${code}: ${message}`;
  } else {
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue;
      const v = o[k];
      const part = isBlank(v) ? k : isPrimitive(v) ? `${k}: ${v}` : null;
      if (part === null) return null;
      text = text === "" ? part : `${text}; ${part}`;
      if (text.length > RAW_BUDGET) return null;
    }
  }
  // A huge single message is cut before collapsing, so the regex never scans megabytes.
  if (text.length > RAW_BUDGET) return finish(text.slice(0, RAW_BUDGET), true);
  return text.length > ERROR_TEXT_MAX || NEEDS_COLLAPSE.test(text) ? finish(text, false) : text || undefined;
}

/** Nested values: strings as-is at the top, JSON-like inside objects and arrays. */
function writeValue(w: Writer, v: unknown, depth: number, quoted: boolean): void {
  if (w.full) return;
  if (typeof v === "string") w.write(quoted ? JSON.stringify(v.length > RAW_BUDGET ? v.slice(0, RAW_BUDGET) : v) : v);
  else if (v === null || typeof v !== "object") w.write(String(v));
  else if (depth >= MAX_DEPTH) w.write("…");
  else if (Array.isArray(v)) {
    w.write("[");
    for (let i = 0; i < v.length && !w.full; i++) {
      if (i > 0) w.write(",");
      writeValue(w, v[i], depth + 1, true);
    }
    w.write("]");
  } else {
    w.write("{");
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length && !w.full; i++) {
      const k = keys[i] as string;
      if (i > 0) w.write(",");
      w.write(JSON.stringify(k) + ":");
      writeValue(w, (v as Record<string, unknown>)[k], depth + 1, true);
    }
    w.write("}");
  }
}

function writeObject(w: Writer, o: Record<string, unknown>): void {
  const { code, message } = findWellKnown(o);
  if (code !== undefined || message !== undefined) {
    if (code !== undefined) writeValue(w, code, 1, false);
    if (code !== undefined && message !== undefined) w.write(": ");
    if (message !== undefined) writeValue(w, message, 1, false);
    return;
  }
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length && !w.full; i++) {
    const k = keys[i] as string;
    if (i > 0) w.write("; ");
    w.write(k);
    // A key whose value is blank is the message itself (as in the published example).
    if (!isBlank(o[k])) {
      w.write(": ");
      writeValue(w, o[k], 1, false);
    }
  }
}

/** Collapses whitespace and cuts to ERROR_TEXT_MAX with `…`, never splitting a surrogate pair. */
function finish(raw: string, cut: boolean): string | undefined {
  let s = raw.replace(/\s+/g, " ").trim();
  if (s === "") return undefined;
  if (s.length > ERROR_TEXT_MAX || cut) {
    let end = Math.min(s.length, ERROR_TEXT_MAX - 1);
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    s = s.slice(0, end).trimEnd() + "…";
  }
  return s;
}

/**
 * Renders an `error_message` (any JSON value, normally an object) as one readable line of at most
 * ERROR_TEXT_MAX characters: `<code>: <message>` from well-known keys (`error_code`/`code`,
 * `error_msg`/`message`/`msg`/`detail`/`details`/`reason`), else `key: value` pairs joined by `; `.
 * Returns undefined for null, undefined, empty objects/arrays/strings. Never throws (a throwing getter or
 * proxy yields undefined).
 */
export function renderErrorMessage(obj: unknown): string | undefined {
  try {
    if (isBlank(obj)) return undefined;
    const isArray = Array.isArray(obj);
    if (typeof obj === "object" && !isArray) {
      const fast = quick(obj as Record<string, unknown>);
      if (fast !== null) return fast;
    }
    const w = new Writer();
    if (isArray) {
      for (let i = 0; i < obj.length && !w.full; i++) {
        if (i > 0) w.write("; ");
        writeValue(w, obj[i], 1, false);
      }
    } else if (typeof obj === "object") writeObject(w, obj as Record<string, unknown>);
    else writeValue(w, obj, 0, false);
    return finish(w.text, w.cut || w.full);
  } catch {
    return undefined;
  }
}

/** Sets a node execution's error: the object as sent (`errorMessage`) and its one-line text (`error`), when it has one. */
export function attachError(x: NodeExecution, errorMessage: JsonObject): void {
  x.errorMessage = errorMessage;
  const text = renderErrorMessage(errorMessage);
  if (text !== undefined) x.error = text;
}
