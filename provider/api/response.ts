/**
 * A 200 answer's body: JSON by content type and by parse, no key given twice and no runaway nesting,
 * scrubbed of credentials, and valid against the JSON Schema of its kind. Anything else is a
 * ResponseValidationError with a short, scrubbed snippet of what came back.
 */
import { ResponseValidationError, type RequestSite } from "../errors";
import { validateBody, type BodyKind } from "../model/validate";
import { holdsSecret, safeLine, type Scrubber } from "./redact";
import { scrubValue } from "./scrubValue";
import { parseStrict, StructureError } from "./strictJson";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

export interface BodySource {
  site: RequestSite;
  status: number;
  text: string;
  contentType: string | undefined;
  requestId: string | undefined;
  scrub: Scrubber;
  /** The call's secrets, for the cheap whole-value check of the body text. */
  secrets: readonly string[];
}

/** Parses, scrubs and validates a body of `kind`, or throws ResponseValidationError. */
export function readBody(kind: BodyKind, src: BodySource): unknown {
  const body = parseStrictJson(src);
  const violations = validateBody(kind, body);
  if (violations.length > 0) throw new ResponseValidationError({ ...src.site, requestId: src.requestId }, violations);
  return body;
}

function parseStrictJson(src: BodySource): unknown {
  const { text, status, scrub } = src;
  if (src.contentType !== undefined && !JSON_TYPE.test(src.contentType)) {
    const type = JSON.stringify(safeLine(src.contentType, scrub, 80));
    return notJson(src, `HTTP ${status} with content type ${type} instead of application/json (body starts ${quoted(src)})`);
  }
  if (text.trim() === "") return notJson(src, `HTTP ${status} with an empty body`);
  let parsed: { value: unknown; escapes: boolean };
  try {
    parsed = parseStrict(text);
  } catch (e) {
    if (!(e instanceof StructureError)) return notJson(src, `HTTP ${status} body is not valid JSON (truncated?): ${quoted(src)}`);
    const { pointer, expected } = e.problem;
    throw new ResponseValidationError({ ...src.site, requestId: src.requestId }, [{ pointer: safeLine(pointer, scrub, 200), expected }]);
  }
  // A credential can hide behind escapes (`\u0041...`), so escaped text is always walked.
  return parsed.escapes || holdsSecret(text, src.secrets) ? scrubValue(parsed.value, scrub) : parsed.value;
}

function quoted(src: BodySource): string {
  return JSON.stringify(safeLine(src.text, src.scrub, 120));
}

/** The error for a 200 body that is not a usable JSON document. */
function notJson(src: BodySource, summary: string): never {
  const snippet = safeLine(src.text, src.scrub, 200);
  throw new ResponseValidationError({ ...src.site, requestId: src.requestId, snippet }, [{ pointer: "", expected: "a JSON document" }], summary);
}
