/**
 * Endpoint rules: HTTPS for anything remote; plain HTTP only for loopback hosts (the emulator). No
 * userinfo, query or fragment, so nothing sensitive hides in a URL we log.
 */
import { ConfigurationError } from "../errors";

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Endpoints already checked, by their text. A process talks to a handful of endpoints, yet every call
 * resolves its settings afresh; parsing a URL is the dearest step of that, so a good one is parsed once.
 * The URLs are shared: nothing may modify a resolved endpoint.
 */
const checked = new Map<string, URL>();
const MAX_CHECKED = 64;

/** Parses and checks an endpoint; returns it without a trailing slash. */
export function checkEndpoint(value: unknown, setting: string): URL {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) {
    throw new ConfigurationError(`${setting} must be a non-empty URL of at most 2048 characters`, setting);
  }
  const known = checked.get(value);
  if (known !== undefined) return known;
  const url = parseEndpoint(value, setting);
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value as string);
  checked.set(value, url);
  return url;
}

function parseEndpoint(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${setting} is not a valid URL`, setting);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`${setting} must use https:// (got ${url.protocol})`, setting);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      `${setting} uses plain http:// for a non-loopback host ${url.hostname}; use https:// (http is allowed only for 127.0.0.1, ::1 and localhost)`,
      setting,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${setting} must not contain a user name or password`, setting);
  }
  if (url.search || url.hash || value.includes("?") || value.includes("#")) {
    throw new ConfigurationError(`${setting} must not contain a query string or fragment`, setting);
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new ConfigurationError(`${setting} has a malformed percent-escape in its path`, setting);
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** The public FunctionGraph endpoint of a region. */
export function regionalEndpoint(region: string): string {
  return `https://functiongraph.${region}.myhuaweicloud.com`;
}

export const DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

/**
 * The IAM endpoint used with a FunctionGraph endpoint when none is configured: the public one, except that
 * a loopback endpoint (the emulator, which serves IAM too) implies itself.
 */
export function defaultIamEndpoint(endpoint: URL): string {
  return isLoopbackHost(endpoint.hostname) ? endpoint.href : DEFAULT_IAM_ENDPOINT;
}
