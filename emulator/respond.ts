/**
 * Writing responses: every answer carries `Content-Type` (JSON unless a fault says otherwise), an exact
 * `Content-Length` and a unique `X-Request-Id`. Error bodies follow the documented shapes.
 */
import type { ServerResponse } from "node:http";

/** A complete response to write. */
export interface Reply {
  status: number;
  body: Buffer | string;
  /** Default `application/json`. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, body: JSON.stringify(value), headers };
}

/**
 * A documented error body: `{error_code, error_msg, request_id}`; pass `requestId: undefined` for the
 * FunctionGraph 404 shape, which carries no request_id.
 */
export function errorReply(status: number, errorCode: string, errorMsg: string, requestId: string | undefined, headers?: Record<string, string>): Reply {
  const body: Record<string, string> = { error_code: errorCode, error_msg: errorMsg };
  if (requestId !== undefined) body.request_id = requestId;
  return jsonReply(status, body, headers);
}

/** The response headers of a reply, before the body. */
export function replyHeaders(reply: Reply, requestId: string, contentLength: number): Record<string, string | number> {
  return {
    ...reply.headers,
    "Content-Type": reply.contentType ?? "application/json",
    "Content-Length": contentLength,
    "X-Request-Id": requestId,
  };
}

/** Writes a reply in one go. */
export function writeReply(res: ServerResponse, reply: Reply, requestId: string): void {
  const body = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
  res.writeHead(reply.status, replyHeaders(reply, requestId, body.length));
  res.end(body);
}

/** Messages of the gateway errors the emulator produces. */
export const GATEWAY_MESSAGES = {
  signature: "Incorrect IAM authentication information: verify aksk signature fail",
  expired: "Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
  notFound: "The API does not exist or has not been published in the environment",
  methodNotAllowed: "The API does not exist or has not been published in the environment: method not allowed",
  badUri: "Invalid request URI",
  tooLarge: "The request body exceeds 12 MB",
  throttled: (limit: number) => `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`,
} as const;
