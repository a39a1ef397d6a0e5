/**
 * Recognizable credentials, and the checks that they never leak. Every value is made only of characters
 * that percent-encoding, JSON escaping and header folding leave alone, so a leak cannot hide behind an
 * encoding: if a canary reached some text, a plain substring search finds it.
 */
import { inspect } from "node:util";
import type { Credentials } from "../../../provider/api/signer";

export const CANARY: Required<Credentials> = {
  accessKey: "AKCANARY7F1E2D3C4B5A",
  secretKey: "SK-CANARY-7f1e2d3c4b5a69788796a5b4c3d2e1f0",
  securityToken: "TOKEN-CANARY-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b",
};

/**
 * Needles for secrets that must appear nowhere: the whole values and distinctive pieces of them, so a
 * truncated snippet ("SK-CANARY-7f1e…") is caught as well.
 */
const SECRET_NEEDLES = [
  CANARY.secretKey,
  "SK-CANARY",
  CANARY.secretKey.slice(10, 30),
  CANARY.securityToken,
  "TOKEN-CANARY",
  CANARY.securityToken.slice(13, 33),
];

/** Needles for the access key, which may appear only inside an Authorization header. */
const ACCESS_KEY_NEEDLES = [CANARY.accessKey, "AKCANARY"];

/** The secret needles (and, unless `allowAccessKey`, the access key needles) found in `text`. */
export function leaksIn(text: string, allowAccessKey = false): string[] {
  const needles = allowAccessKey ? SECRET_NEEDLES : [...SECRET_NEEDLES, ...ACCESS_KEY_NEEDLES];
  return needles.filter((n) => text.includes(n));
}

/** Every text form of a thrown value a person or a log could see. */
export function errorTexts(e: unknown): string[] {
  const out: string[] = [String(e)];
  if (e instanceof Error) {
    out.push(e.message, e.stack ?? "");
  }
  try {
    out.push(JSON.stringify(e) ?? "");
  } catch (err) {
    out.push(`(not serializable: ${String(err)})`);
  }
  // Non-enumerable properties and the cause chain too.
  out.push(inspect(e, { showHidden: true, depth: 6, breakLength: Infinity }));
  return out;
}

/** Leaks in any text form of an error, labelled by form. */
export function errorLeaks(e: unknown): string[] {
  return errorTexts(e).flatMap((t, i) => leaksIn(t).map((n) => `form ${i}: ${n}`));
}

/** A header as the emulator recorded it. */
export interface SeenRequest {
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
}

/**
 * Where the credentials went on the wire: the secret key nowhere, the security token only in
 * X-Security-Token, the access key only in Authorization. Returns a description of each violation.
 */
export function wireLeaks(requests: readonly SeenRequest[]): string[] {
  const problems: string[] = [];
  requests.forEach((r, i) => {
    const where = `request ${i} (${r.path})`;
    for (const n of leaksIn(`${r.path}?${JSON.stringify(r.query)}`)) problems.push(`${where}: ${n} in the URL`);
    for (const [name, value] of Object.entries(r.headers)) {
      const allowed = [...(name === "authorization" ? ACCESS_KEY_NEEDLES : []), ...(name === "x-security-token" ? ["TOKEN-CANARY", CANARY.securityToken, CANARY.securityToken.slice(13, 33)] : [])];
      for (const n of leaksIn(value).filter((x) => !allowed.includes(x))) problems.push(`${where}: ${n} in header ${name}`);
    }
  });
  return problems;
}
