/**
 * Where a call goes and what it carries, worked out once per call: the URL on the wire, the path as it
 * is signed, the JSON body's exact text, and the site that messages name.
 */
import type { RequestSite } from "../errors";
import { canonicalQuery, urlEncode } from "./signer";

export interface CallTarget {
  /** The full URL, each path segment percent-encoded once. */
  url: string;
  /** `host[:port]` as the Host header carries it. */
  host: string;
  origin: string;
  /** The decoded path, as the signer takes it. */
  signedPath: string;
  /** Method and path (no host, no query) for messages. */
  site: RequestSite;
  /** The JSON text sent as the body, if any. */
  bodyText?: string;
}

export interface TargetSpec {
  base: URL;
  method: string;
  /** Decoded path segments after the base path. */
  segments: readonly string[];
  query?: Readonly<Record<string, string>>;
  /** A JSON value to send as the body. */
  body?: unknown;
}

export function targetOf(spec: TargetSpec): CallTarget {
  const prefix = spec.base.pathname.replace(/\/+$/, "");
  const wirePath = `${prefix}/${spec.segments.map(urlEncode).join("/")}`;
  // The query on the wire is the signed one, character for character.
  const query = canonicalQuery(spec.query);
  return {
    url: `${spec.base.origin}${wirePath}${query ? `?${query}` : ""}`,
    host: spec.base.host,
    origin: spec.base.origin,
    signedPath: `${decodeURIComponent(prefix)}/${spec.segments.join("/")}`,
    site: { method: spec.method, path: wirePath },
    bodyText: spec.body === undefined ? undefined : JSON.stringify(spec.body),
  };
}
