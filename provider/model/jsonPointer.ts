/** RFC 6901 reference tokens: the one rule for `~` and `/` inside a JSON pointer's segments. */

/** A key or index as a pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A pointer segment as the key it names (`~1` → `/`, then `~0` → `~`). */
export function unescapeToken(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
