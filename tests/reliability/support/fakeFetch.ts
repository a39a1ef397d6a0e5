/**
 * A transport without a network, injected through `InternalContext.policy.fetch`: answers each call with
 * the next scripted response and records the calls.
 */
import type { FetchLike } from "../../../provider/api/http";

export interface Scripted {
  status?: number;
  /** Default application/json; null sends no Content-Type. */
  contentType?: string | null;
  body: string;
}

export function scriptedFetch(next: (call: number) => Scripted): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const r = next(calls.length);
    const headers: Record<string, string> = { "x-request-id": `rq-fuzz-${calls.length}` };
    if (r.contentType !== null) headers["content-type"] = r.contentType ?? "application/json";
    return {
      status: r.status ?? 200,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      body: [Buffer.from(r.body, "utf8")],
    };
  };
  return { fetch, calls };
}
