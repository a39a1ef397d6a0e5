/**
 * The canonical URI: the path as received, each segment percent-decoded once and encoded again with
 * {@link percentEncode}, always ending with `/`. Decoding first is what makes `wf:demo%20test` and a
 * client's differently escaped spelling of the same path sign alike (the published rule; the Node SDK's
 * double-encoding of already escaped characters is a client bug, see vector F3).
 */
import { percentEncode } from "./encode";

/** The canonical URI of a raw (still encoded) path, or undefined when a segment has a broken escape. */
export function canonicalUri(rawPath: string): string | undefined {
  let segments: string[];
  try {
    segments = rawPath.split("/").map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const uri = segments.map(percentEncode).join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}
