/**
 * SDK-HMAC-SHA256 request signing, as Huawei Cloud's API gateway checks it.
 *
 * A pure function: the request, the credentials and the date go in, the headers to add come out. No clock,
 * no I/O. Each canonicalization step is its own exported function so that it can be tested on its own and
 * reused by the emulator, which verifies signatures the way the gateway does.
 *
 * Deliberate differences from the official Node SDK (see the reference notes): path segments are taken
 * *decoded* and encoded exactly once (the SDK double-encodes characters that `url.parse` escapes), and
 * header ordering uses code-unit order for both the canonical block and SignedHeaders.
 */
import * as nodeCrypto from "node:crypto";
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

/** RFC 3986 percent-encoding of the UTF-8 bytes, unreserved characters kept, uppercase hex. */
const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

export function urlEncode(value: string): string {
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
  // Requests made within one second share the text: formatted once per second, not once per request.
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastSecond) return lastSdkDate;
  const iso = date.toISOString(); // 2024-05-06T07:08:09.123Z (RangeError for an invalid date)
  const text =
    iso.length !== 24
      ? iso.replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z") // years beyond 9999
      : `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  lastSdkDate = text;
  return text;
}

let lastSecond = NaN;
let lastSdkDate = "";

/** Parses an X-Sdk-Date value (`YYYYMMDDTHHmmssZ`); undefined when malformed. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatSdkDate(date) === value ? date : undefined;
}

/** Each decoded segment encoded once, joined with `/`, always ending in `/`. */
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/** True when a decoded path has nothing to percent-encode: only unreserved characters and slashes. */
export function isPlainPath(decodedPath: string): boolean {
  return PLAIN_PATH.test(decodedPath);
}

export function canonicalUri(decodedPath: string): string {
  const uri = isPlainPath(decodedPath) ? decodedPath : decodedPath.split("/").map(urlEncode).join("/");
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

/** The canonical order of one set of header names: computed once per set (a client sends the same few). */
interface HeaderLayout {
  /** Original names, in canonical order. */
  keys: string[];
  /** The same, lowercased. */
  lower: string[];
  /** `SignedHeaders`: the lowercased names joined by `;`. */
  signed: string;
  /** Original name of `X-Sdk-Content-Sha256` (any case), if present. */
  contentSha?: string;
}

const layouts = new Map<string, HeaderLayout>();
const MAX_LAYOUTS = 64;

function byLowerName(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The names and layout of the previous request: a client signs the same header set again and again. */
let lastNames: readonly string[] = [];
let lastLayout: HeaderLayout | undefined;

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function layoutOf(headers: Readonly<Record<string, string>>): HeaderLayout {
  const names = Object.keys(headers);
  if (lastLayout !== undefined && sameNames(names, lastNames)) return lastLayout;
  lastLayout = layoutByKey(names);
  lastNames = names;
  return lastLayout;
}

function layoutByKey(names: string[]): HeaderLayout {
  // Each name prefixed with its length keeps the key unambiguous whatever characters the names contain.
  let id = "";
  for (let i = 0; i < names.length; i++) id += `${(names[i] as string).length}:${names[i] as string}`;
  let layout = layouts.get(id);
  if (layout === undefined) {
    const pairs = names.map((k) => [k.toLowerCase(), k] as [string, string]).sort(byLowerName);
    const lower = pairs.map(([l]) => l);
    layout = { keys: pairs.map(([, k]) => k), lower, signed: lower.join(";"), contentSha: pairs.find(([l]) => l === "x-sdk-content-sha256")?.[1] };
    if (layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value as string);
    layouts.set(id, layout);
  }
  return layout;
}

/** Lowercased names in code-unit order; values verbatim. Returns the block and the SignedHeaders list. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signed: string } {
  return blockOf(headers, layoutOf(headers));
}

function blockOf(headers: Readonly<Record<string, string>>, { keys, lower, signed }: HeaderLayout): { block: string; signed: string } {
  let block = "";
  for (let i = 0; i < keys.length; i++) block += `${lower[i] as string}:${headers[keys[i] as string] as string}\n`;
  return { block, signed };
}

/** `X-Sdk-Content-Sha256` verbatim if present, else lowercase hex SHA-256 of the body bytes. */
export function payloadHash(headers: Readonly<Record<string, string>>, body?: string | Uint8Array): string {
  return hashOf(headers, layoutOf(headers), body);
}

function hashOf(headers: Readonly<Record<string, string>>, layout: HeaderLayout, body?: string | Uint8Array): string {
  if (layout.contentSha !== undefined) return headers[layout.contentSha] as string;
  if (body === undefined || body.length === 0) return EMPTY_PAYLOAD_SHA256;
  return createHash("sha256").update(body).digest("hex");
}

/** Node's one-shot digest (Node 20.12 and later): no Hash object per call. Older Node builds one. */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

export function sha256Hex(text: string): string {
  return oneShotHash !== undefined ? oneShotHash("sha256", text, "hex") : createHash("sha256").update(text, "utf8").digest("hex");
}

/** The six-part canonical request. `headers` must already include host and x-sdk-date. */
export function canonicalRequest(req: SignableRequest, headers: Readonly<Record<string, string>>): {
  text: string;
  signedHeaders: string;
} {
  const layout = layoutOf(headers);
  const { block, signed } = blockOf(headers, layout);
  const hash = hashOf(headers, layout, req.body);
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
  const token = credentials.securityToken;
  const added: Record<string, string> = { "X-Sdk-Date": sdkDate };
  if (token) added["X-Security-Token"] = token;
  // Assigned one by one rather than spread (a runtime call per source on every request).
  const toSign: Record<string, string> = {};
  const own = req.headers;
  if (own !== undefined) {
    const names = Object.keys(own); // own properties only, as a spread would take
    for (let i = 0; i < names.length; i++) toSign[names[i] as string] = own[names[i] as string] as string;
  }
  toSign.host = req.host;
  toSign["X-Sdk-Date"] = sdkDate;
  if (token) toSign["X-Security-Token"] = token;
  const canonical = canonicalRequest(req, toSign);
  const sts = stringToSign(sdkDate, canonical.text);
  const sig = signature(credentials.secretKey, sts);
  added.Authorization = `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${canonical.signedHeaders}, Signature=${sig}`;
  return { headers: added, canonicalRequest: canonical.text, stringToSign: sts, signedHeaders: canonical.signedHeaders };
}
