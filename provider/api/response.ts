/**
 * A 2xx answer: must be JSON (by content type and by parse), non-empty, and valid against the schema of
 * its kind. Anything else is a ResponseValidationError with a short, scrubbed snippet of what came back.
 */
import { ResponseValidationError, type RequestSite } from "./errors";
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
) {
  // Parsed in its own frame: once it returns, nothing references the text (up to 7 MB) any more.
  const body = parseJson(site, status, res, scrub, requestId);
  const violations = validateBody(call.kind, body);
  if (violations.length > 0) throw new ResponseValidationError({ ...site, requestId: requestId() }, violations);
  return { body };
}

function parseJson(
  site: RequestSite,
  status: number,
  res: AttemptResult & { kind: "response" },
  scrub: Scrubber,
  requestId: () => string | undefined,
): unknown {
  const text = res.takeText();
  // Only computed on failure: scrubbing and flattening a 7 MB body on every success would cost ~12 ms.
  const snippet = () => oneLine(scrub(text), 200);
  const fail = (summary: string, pointer = "", expected = "a JSON document") =>
    new ResponseValidationError({ ...site, requestId: requestId(), snippet: snippet() }, [{ pointer, expected }], summary);
  const type = res.header("content-type");
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw fail(`HTTP ${status} with content type ${JSON.stringify(oneLine(type, 80))} instead of application/json (body starts ${JSON.stringify(oneLine(snippet(), 80))})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (text.trim() === "") throw fail(`HTTP ${status} with an empty body`);
    const why = e instanceof RangeError ? "is nested too deeply to parse" : "is not valid JSON (truncated?)";
    throw fail(`HTTP ${status} body ${why}: ${JSON.stringify(oneLine(snippet(), 120))}`);
  }
}
