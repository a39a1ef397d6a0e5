/**
 * A server that echoes the caller's credentials back everywhere it can: error bodies, headers and every
 * field of a run, each time after 200 characters of padding so that a cut at 128 characters would leave
 * a partial secret behind. `leaksIn` finds any 16 characters of a secret in a row.
 */
import { inspect } from "node:util";
import { executionBody, SECRET_KEY, TOKEN } from "./fixtures";

/** Padding, then both secrets: what the server writes into every text field. */
export const ECHO = `${"x".repeat(200)} sk=${SECRET_KEY} token=${TOKEN} end`;

/** Headers a hostile server adds to every answer. */
export const ECHO_HEADERS = { "x-request-id": TOKEN, "x-echo": SECRET_KEY };

/** A run of status `status` where every text field the schema leaves free carries the secrets. */
export function echoingRun(executionId: string, status: string): Record<string, unknown> {
  return executionBody({
    executionId,
    status,
    urnName: TOKEN,
    createdBy: ECHO,
    headers: { echo: ECHO },
    input: { echo: ECHO, [TOKEN]: SECRET_KEY },
    output: { echo: ECHO, nested: { deeper: [ECHO] } },
    nodes: [
      {
        name: ECHO,
        status: status === "success" || status === "running" ? status : "fail",
        requestId: ECHO,
        input: { echo: ECHO },
        output: { echo: ECHO },
        errorMessage: { error_code: "FSS.1051", message: ECHO, [SECRET_KEY]: TOKEN },
      },
    ],
  });
}

const WINDOW = 16;

/** Which secrets have a run of 16 characters in `text`. */
export function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of [["secret key", SECRET_KEY], ["security token", TOKEN]] as const) {
    for (let i = 0; i + WINDOW <= secret.length; i++) {
      if (text.includes(secret.slice(i, i + WINDOW))) {
        found.push(`${name} (from character ${i})`);
        break;
      }
    }
  }
  return found;
}

/** Every text form of an error a program or log could show, each checked for leaks. */
export function errorLeaks(e: unknown): Record<string, string[]> {
  const err = e as { message?: unknown; execution?: unknown };
  const forms: Record<string, string> = {
    "String(err)": String(e),
    "err.message": String(err.message),
    "JSON.stringify(err)": JSON.stringify(e) ?? "",
    "util.inspect(err)": inspect(e, { depth: 10, maxStringLength: Infinity }),
    "JSON.stringify(err.execution)": JSON.stringify(err.execution) ?? "",
    "util.inspect(err.execution)": inspect(err.execution, { depth: 10, maxArrayLength: 1000, maxStringLength: Infinity }),
  };
  const out: Record<string, string[]> = {};
  for (const [form, text] of Object.entries(forms)) {
    const found = leaksIn(text);
    if (found.length > 0) out[form] = found;
  }
  return out;
}
