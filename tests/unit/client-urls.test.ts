/** How callApi turns an endpoint and path segments into the URL it fetches and the path it signs. */
import { callApi, DEFAULT_POLICY } from "../../provider/api/client";
import type { FetchLike } from "../../provider/api/http";

const credentials = { accessKey: "AKEXAMPLE0000000001", secretKey: "secret-key-example-0000000000000001" };

function recorder() {
  const urls: string[] = [];
  const headers: Array<Record<string, string>> = [];
  const fetch: FetchLike = async (url, init) => {
    urls.push(url);
    headers.push(init.headers);
    return {
      status: 200,
      headers: { get: (n: string) => ({ "content-type": "application/json", "x-request-id": "rq 1\u0007 two" })[n.toLowerCase()] ?? null },
      body: [Buffer.from('{"projects":[{"id":"p1","name":"cn-north-4"}]}')],
    };
  };
  return { fetch, urls, headers };
}

test("segments are encoded once under the endpoint's path prefix; a URL changed between calls is read again", async () => {
  const rec = recorder();
  const base = new URL("http://127.0.0.1:9/api%20v1");
  const call = { base, method: "GET" as const, segments: ["v3", "a b/c"], kind: "iamProjects" as const, query: { name: "cn-north-4" } };
  const first = await callApi(call, credentials, { ...DEFAULT_POLICY, fetch: rec.fetch });
  base.pathname = "/other";
  base.port = "10";
  await callApi(call, credentials, { ...DEFAULT_POLICY, fetch: rec.fetch });
  expect(rec.urls).toEqual([
    "http://127.0.0.1:9/api%20v1/v3/a%20b%2Fc?name=cn-north-4",
    "http://127.0.0.1:10/other/v3/a%20b%2Fc?name=cn-north-4",
  ]);
  expect(rec.headers[1]?.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKEXAMPLE0000000001, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/);
  // Accept and User-Agent go out unsigned, as Huawei's SDK sends them.
  expect([rec.headers[1]?.Accept, rec.headers[1]?.["User-Agent"]]).toEqual(["application/json", "fgs-workflow-gate"]);
  // A request ID with control characters is flattened to one line before it reaches results and errors.
  expect(first.requestId).toBe("rq 1 two");
});

test("an attempt hands its body over once, so the caller holds the only reference to it", async () => {
  const { attempt } = await import("../../provider/api/http");
  const { LightSignal } = await import("../../provider/api/signal");
  const rec = recorder();
  const r = await attempt({ url: "http://127.0.0.1:9/x", method: "GET", headers: {}, signal: new LightSignal(), maxBytes: 1024, fetch: rec.fetch });
  if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
  expect(r.takeText()).toBe('{"projects":[{"id":"p1","name":"cn-north-4"}]}');
  expect(r.takeText()).toBe("");
});

test("response headers read through node-fetch's raw map match what get would return", async () => {
  const { attempt } = await import("../../provider/api/http");
  const { LightSignal } = await import("../../provider/api/signal");
  const raw: Record<string, string[]> = { "content-type": ["application/json"], "x-multi": ["a", "b"], "content-length": ["2"] };
  const fetch: FetchLike = async () => ({
    status: 200,
    headers: { get: (n: string) => raw[n.toLowerCase()]?.join(", ") ?? null, raw: () => raw },
    body: [Buffer.from("{}")],
  });
  const r = await attempt({ url: "http://127.0.0.1:9/x", method: "GET", headers: {}, signal: new LightSignal(), maxBytes: 1024, fetch });
  if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
  expect([r.header("content-type"), r.header("x-multi"), r.header("x-absent")]).toEqual(["application/json", "a, b", undefined]);
});
