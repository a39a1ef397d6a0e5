/**
 * The canonical query: parameters decoded from the received query text, keys sorted by their decoded
 * form in code-unit order, a repeated key's values sorted too, each pair emitted as
 * `enc(key)=enc(value)` and joined with `&`. No query gives the empty string.
 */
import { compareCodeUnits, percentEncode } from "./encode";

/** Decoded parameters; a key given several times maps to all its values in arrival order. */
export type QueryParams = Record<string, string[]>;

function decodePart(part: string): string {
  // Form encoding: a `+` in a query is a space, like Node's querystring and URLSearchParams read it.
  return decodeURIComponent(part.replace(/\+/g, " "));
}

/** Parses raw query text (without `?`); undefined when an escape is broken. Empty pieces are skipped. */
export function parseQuery(rawQuery: string): QueryParams | undefined {
  const params: QueryParams = Object.create(null) as QueryParams;
  for (const piece of rawQuery.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    let key: string;
    let value: string;
    try {
      key = decodePart(eq < 0 ? piece : piece.slice(0, eq));
      value = eq < 0 ? "" : decodePart(piece.slice(eq + 1));
    } catch {
      return undefined;
    }
    (params[key] ??= []).push(value);
  }
  return params;
}

/** The canonical query line of decoded parameters. */
export function canonicalQuery(params: QueryParams): string {
  const pairs: string[] = [];
  for (const key of Object.keys(params).sort(compareCodeUnits)) {
    const values = [...(params[key] as string[])].sort(compareCodeUnits);
    for (const value of values) pairs.push(`${percentEncode(key)}=${percentEncode(value)}`);
  }
  return pairs.join("&");
}
