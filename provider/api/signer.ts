/**
 * SDK-HMAC-SHA256 request signing, as Huawei Cloud's API gateway checks it.
 *
 * A pure function: the request, the credentials and the date go in, the headers to add come out. No clock,
 * no I/O. Each canonicalization step is its own exported function so that it can be tested on its own
 * against the published vectors and Huawei's SDK.
 *
 * Deliberate differences from the official Node SDK (see the reference notes): path segments are taken
 * *decoded* and encoded exactly once (the SDK double-encodes characters that `url.parse` escapes), and
 * header ordering uses code-unit order for both the canonical block and SignedHeaders.
 */
import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** AK/SK credentials; `securityToken` is set for temporary credentials. */
export interface Credentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** What the signer needs to know about a request. */
export interface SignableRequest {
  method: string;
  /** `host[:port]` exactly as the Host header will carry it. */
  host: string;
  /** The *decoded* path, e.g. `/v2/p/fgs/workflows/wf:demo test`. Each segment is encoded once. */
  path: string;
  /** Query parameters as values (not encoded). Array values produce one pair each. */
  query?: Readonly<Record<string, string | readonly string[]>>;
  /** Headers to send and sign (names in any case). `Authorization` must not be among them. */
  headers: Readonly<Record<string, string>>;
  /** The exact body bytes that will be sent; absent for no body. */
  body?: string | Uint8Array;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/** RFC 3986 percent-encoding of the UTF-8 bytes, unreserved characters kept, uppercase hex. */
export function urlEncode(value: string): string {
  // IDs are almost always plain: they go through as they are.
  if (ALL_UNRESERVED.test(value)) return value;
  let out = "";
  for (const ch of value) {
    if (ch.length === 1 && UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, "utf8")) out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** `YYYYMMDDTHHmmssZ` in UTC, the X-Sdk-Date format. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** Parses an X-Sdk-Date value (`YYYYMMDDTHHmmssZ`); undefined when malformed. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatSdkDate(date) === value ? date : undefined;
}

/** Each decoded segment encoded once, joined with `/`, always ending in `/`. */
export function canonicalUri(decodedPath: string): string {
  const uri = decodedPath.split("/").map(urlEncode).join("/");
  return uri.endsWith("/") ? uri : uri + "/";
}

/** Keys sorted by raw key (code-unit order), array values sorted, `enc(k)=enc(v)` joined by `&`. */
export function canonicalQuery(query: SignableRequest["query"]): string {
  if (!query) return "";
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key] as string | readonly string[];
    const values = typeof value === "string" ? [value] : [...value].sort();
    for (const v of values) pairs.push(`${urlEncode(key)}=${urlEncode(v)}`);
  }
  return pairs.join("&");
}

/** Lowercased names in code-unit order, values verbatim: the block and the SignedHeaders list. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    block: entries.map(([name, value]) => `${name}:${value}\n`).join(""),
    signed: entries.map(([name]) => name).join(";"),
  };
}

/** `X-Sdk-Content-Sha256` verbatim if present, else lowercase hex SHA-256 of the body bytes. */
export function payloadHash(headers: Readonly<Record<string, string>>, body?: string | Uint8Array): string {
  const given = Object.keys(headers).find((name) => name.toLowerCase() === "x-sdk-content-sha256");
  if (given !== undefined) return headers[given] as string;
  if (body === undefined || body.length === 0) return EMPTY_PAYLOAD_SHA256;
  return createHash("sha256").update(body).digest("hex");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The six-part canonical request. `headers` must already include host and x-sdk-date. */
export function canonicalRequest(req: SignableRequest, headers: Readonly<Record<string, string>>): {
  text: string;
  signedHeaders: string;
} {
  const { block, signed } = canonicalHeaders(headers);
  const hash = payloadHash(headers, req.body);
  const text = `${req.method.toUpperCase()}\n${canonicalUri(req.path)}\n${canonicalQuery(req.query)}\n${block}\n${signed}\n${hash}`;
  return { text, signedHeaders: signed };
}

export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequestText)}`;
}

export function signature(secretKey: string, stringToSignText: string): string {
  return createHmac("sha256", secretKey).update(stringToSignText, "utf8").digest("hex");
}

/** The result of signing: the headers to add, and the intermediates (for tests and debugging). */
export interface SignedRequest {
  /** Headers to add to the request: `X-Sdk-Date`, `Authorization`, and `X-Security-Token` if any. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
}

/** Signs a request with SDK-HMAC-SHA256 at the given date. */
export function signRequest(req: SignableRequest, credentials: Credentials, date: Date): SignedRequest {
  const sdkDate = formatSdkDate(date);
  const added: Record<string, string> = { "X-Sdk-Date": sdkDate };
  if (credentials.securityToken) added["X-Security-Token"] = credentials.securityToken;
  const canonical = canonicalRequest(req, { ...req.headers, host: req.host, ...added });
  const sts = stringToSign(sdkDate, canonical.text);
  const sig = signature(credentials.secretKey, sts);
  added.Authorization = `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${canonical.signedHeaders}, Signature=${sig}`;
  return { headers: added, canonicalRequest: canonical.text, stringToSign: sts, signedHeaders: canonical.signedHeaders };
}
