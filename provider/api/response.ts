/**
 * A 2xx answer: must be JSON (by content type and by parse), non-empty, and valid against the schema of
 * its kind. Anything else is a ResponseValidationError with a short, scrubbed snippet of what came back.
 */
import { ResponseValidationError, type RequestSite } from "../errors";
import type { AttemptResult } from "./http";
import { oneLine, type Scrubber } from "./redact";
import type { ApiCall } from "./client";
import { validateBody } from "../model/validate";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/** Parses and validates a 2xx body, or throws ResponseValidationError. */
export function readBody(
  call: ApiCall,
  site: RequestSite,
  status: number,
  res: AttemptResult & { kind: "response" },
  scrub: Scrubber,
  requestId: () => string | undefined,
): unknown {
  // Parsed in its own frame: once it returns, nothing references the text (up to 7 MB) any more.
  const body = parseJson(site, status, res, scrub, requestId);
  const violations = validateBody(call.kind, body);
  if (violations.length > 0) throw new ResponseValidationError({ ...site, requestId: requestId() }, violations);
  return body;
}

/** The error for a 2xx body that is not a JSON document, with a scrubbed one-line snippet of it. */
function notJson(site: RequestSite, requestId: () => string | undefined, snippet: string, summary: string) {
  return new ResponseValidationError({ ...site, requestId: requestId(), snippet }, [{ pointer: "", expected: "a JSON document" }], summary);
}

/** Built only on failure: scrubbing and flattening a 7 MB body on every success would cost ~12 ms. */
function snippetOf(text: string, scrub: Scrubber): string {
  return oneLine(scrub(text), 200);
}

function parseJson(
  site: RequestSite,
  status: number,
  res: AttemptResult & { kind: "response" },
  scrub: Scrubber,
  requestId: () => string | undefined,
): unknown {
  const text = res.takeText();
  const type = res.header("content-type");
  if (type !== undefined && !JSON_TYPE.test(type)) {
    const snippet = snippetOf(text, scrub);
    const summary = `HTTP ${status} with content type ${JSON.stringify(oneLine(type, 80))} instead of application/json (body starts ${JSON.stringify(oneLine(snippet, 80))})`;
    throw notJson(site, requestId, snippet, summary);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const snippet = snippetOf(text, scrub);
    if (text.trim() === "") throw notJson(site, requestId, snippet, `HTTP ${status} with an empty body`);
    const why = e instanceof RangeError ? "is nested too deeply to parse" : "is not valid JSON (truncated?)";
    throw notJson(site, requestId, snippet, `HTTP ${status} body ${why}: ${JSON.stringify(oneLine(snippet, 120))}`);
  }
}
