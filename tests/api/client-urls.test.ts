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
