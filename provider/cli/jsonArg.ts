/**
 * JSON given on the command line, literally or as `@FILE` (`--input`, `--headers`, `--conditions-file`).
 * The content may hold secrets (a run's input often does), so no message ever quotes it: a syntax error
 * names the flag and the line and column, which is enough to find the mistake in one's own file.
 */
import { readFileSync } from "node:fs";
import type { CommandName } from "./commands";
import { safeText } from "./render/safeText";
import type { Values } from "./presence";
import { UsageError } from "./usageError";

/** Input files are read whole; a run's input is at most 1 MiB, so anything far larger is a mistake. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The offset in `text` where JSON.parse stopped, when the engine's message says; only the position is
 * taken from the message, which may quote the text.
 */
export function jsonErrorOffset(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : /end of JSON/i.test(message) ? text.length : undefined;
}

/** Where JSON.parse stopped, as `line L, column C` (1-based), when the engine says; never the text itself. */
function where(text: string, error: unknown): string {
  const at = jsonErrorOffset(text, error);
  if (at === undefined) return "";
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

/** Reads `@FILE`; any other text is the JSON itself. */
export function jsonText(flag: string, raw: string, command: CommandName, fileOnly = false): { text: string; from: string } {
  if (!fileOnly && !raw.startsWith("@")) return { text: raw, from: `--${flag}` };
  const file = fileOnly ? raw : raw.slice(1);
  const shownFile = safeText(file, 200);
  if (file === "") throw new UsageError(`--${flag} @FILE needs a file name after @`, command);
  try {
    const text = readFileSync(file, "utf8");
    if (text.length > MAX_FILE_BYTES) throw new UsageError(`--${flag}: the file ${shownFile} is larger than ${MAX_FILE_BYTES} bytes`, command);
    return { text, from: `--${flag} file ${shownFile}` };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "read failed";
    throw new UsageError(`--${flag}: cannot read the file ${shownFile} (${safeText(String(code), 40)})`, command);
  }
}

/** Parses JSON text; a syntax error is a UsageError naming `from` and the position, not the content. */
export function parseJson(text: string, from: string, command: CommandName): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${from} is not valid JSON${where(text, e)} (its content is not shown: it may hold secrets)`, command);
  }
}

/** A JSON object from `--flag JSON|@FILE`. */
export function jsonObjectArg(flag: string, raw: string, command: CommandName): Record<string, unknown> {
  const { text, from } = jsonText(flag, raw, command);
  const value = parseJson(text, from, command);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${from} must be a JSON object ({...}), not ${Array.isArray(value) ? "a list" : value === null ? "null" : `a ${typeof value}`}`, command);
  }
  return value as Record<string, unknown>;
}

/** The run's input and headers (`run` only): JSON objects, literally or from a file. */
export function startBodyOptions(values: Values, command: CommandName): { input?: Record<string, unknown>; headers?: Record<string, unknown> } {
  const input = values.get("input") as string | undefined;
  const headers = values.get("headers") as string | undefined;
  return {
    input: input === undefined ? undefined : jsonObjectArg("input", input, command),
    headers: headers === undefined ? undefined : jsonObjectArg("headers", headers, command),
  };
}
