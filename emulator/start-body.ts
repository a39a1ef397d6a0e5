/**
 * The body of both start APIs: `{ "input": {...}, "headers"?: {...} }`, JSON with
 * `Content-Type: application/json`. Anything else is a 400 FSS.0400 that names the problem; unknown
 * top-level fields are refused too, so a client's typo does not silently start a run without its input.
 */
import type { RequestContext } from "./context";
import { errorReply, type Reply } from "./respond";
import type { JsonObject } from "./scenario";

/** A valid start request body. */
export interface StartBody {
  input: JsonObject;
  headers?: JsonObject;
}

const FIELDS = ["input", "headers"];

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parsed body, or the 400 reply saying what is wrong with it. */
export function parseStartBody(ctx: RequestContext): { body: StartBody } | { reply: Reply } {
  const bad = (message: string): { reply: Reply } => ({ reply: errorReply(400, "FSS.0400", message, ctx.requestId) });
  const type = ctx.headers["content-type"];
  if (typeof type !== "string" || !/^application\/json\s*(;|$)/i.test(type)) return bad("Content-Type must be application/json");
  let value: unknown;
  try {
    value = JSON.parse(ctx.body.toString("utf8"));
  } catch {
    return bad("The request body is not valid JSON");
  }
  if (!isObject(value)) return bad("The request body must be a JSON object");
  const unknown = Object.keys(value).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) return bad(`Unknown field in the request body: ${unknown.join(", ")} (allowed: ${FIELDS.join(", ")})`);
  if (!isObject(value.input)) return bad("input is required and must be a JSON object");
  if (value.headers !== undefined && !isObject(value.headers)) return bad("headers must be a JSON object");
  return { body: value.headers === undefined ? { input: value.input } : { input: value.input, headers: value.headers } };
}
