/**
 * The client's retry decisions against servers that misbehave: what is sent again and what exactly once,
 * which answers count as a success, and the deadline bounding everything, stalls included.
 */
import type * as net from "node:net";
import { callApi, DEFAULT_POLICY, type ApiCall, type RequestPolicy } from "../../provider/api/client";
import { isFunctionGraphApiError, isTransportError } from "../../provider/errors";
import { head, rawServer, type RawServer } from "./support/rawServer";

const credentials = { accessKey: "AKEXAMPLE0000000001", secretKey: "secret-key-example-0000000000000001" };
const policy: RequestPolicy = { ...DEFAULT_POLICY, maxRetries: 2, backoff: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50 } };
const PROJECTS = '{"projects":[{"id":"p1","name":"cn-north-4"}]}';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function call(url: string, method: "GET" | "POST" = "GET"): ApiCall {
  return { base: new URL(url), method, segments: ["v3", "projects"], kind: method === "GET" ? "iamProjects" : "none", body: method === "POST" ? { input: {} } : undefined };
}

async function errorOf(p: Promise<unknown>): Promise<Record<string, unknown>> {
  return p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: Record<string, unknown>) => e,
  );
}

/** A complete answer, after which the server closes the connection (and says so, as servers do). */
const status = (code: number, body: string, extra = "") => (s: net.Socket) =>
  s.end(head(`Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}`, `${code} X`) + body);

test.each([400, 401, 403, 404, 501])("HTTP %i whose body is cut off is sent exactly once", async (code) => {
  server = await rawServer((s) => s.end(head("Content-Length: 500\r\n", `${code} X`) + '{"error_code":"FSS'));
  const e = await errorOf(callApi(call(server.url), credentials, policy));
  expect(isTransportError(e) && e.kind === "network").toBe(true);
  expect(String(e.message)).toContain(`HTTP ${code}`);
  expect(server.requests).toBe(1);
});

test.each([400, 401, 404])("HTTP %i whose body stalls is sent exactly once", async (code) => {
  server = await rawServer((s) => s.write(head("Content-Length: 500\r\n", `${code} X`) + "{"));
  const e = await errorOf(callApi(call(server.url), credentials, { ...policy, attemptTimeoutMs: 300 }));
  expect(isTransportError(e) && e.kind === "timeout").toBe(true);
  expect(server.requests).toBe(1);
});

test("a 200 with broken framing is retried by policy, then reported as a network error", async () => {
  server = await rawServer((s) => s.write(head("Transfer-Encoding: chunked\r\n") + "zz\r\n"));
  const e = await errorOf(callApi(call(server.url), credentials, policy));
  expect(e).toMatchObject({ kind: "network", attempts: 3 });
  expect(server.requests).toBe(3);
});

test.each([201, 202, 203, 204, 206])("HTTP %i is not a success: an API error, sent once", async (code) => {
  server = await rawServer(status(code, code === 204 ? "" : PROJECTS));
  const e = await errorOf(callApi(call(server.url), credentials, policy));
  expect(isFunctionGraphApiError(e) && e.httpStatus === code).toBe(true);
  expect(server.requests).toBe(1);
});

test("a GET answered 503 is retried; a POST answered 503 or cut off is sent once", async () => {
  server = await rawServer(status(503, '{"error_code":"FSS.0500","error_msg":"busy"}'));
  await errorOf(callApi(call(server.url), credentials, policy));
  expect(server.requests).toBe(3);
  await server.close();
  server = await rawServer(status(503, '{"error_code":"FSS.0500","error_msg":"busy"}'));
  await errorOf(callApi(call(server.url, "POST"), credentials, policy));
  expect(server.requests).toBe(1);
  await server.close();
  server = await rawServer((s) => s.resetAndDestroy());
  const e = await errorOf(callApi(call(server.url, "POST"), credentials, policy));
  expect(e.kind).toBe("network");
  expect(server.requests).toBe(1);
});

test("a POST stalled past its attempt timeout is not sent again", async () => {
  server = await rawServer(() => {});
  const e = await errorOf(callApi(call(server.url, "POST"), credentials, { ...policy, attemptTimeoutMs: 200 }));
  expect(e.kind).toBe("timeout");
  expect(server.requests).toBe(1);
});

test("a POST throttled with 429 is sent again, and succeeds on 200", async () => {
  server = await rawServer((s, n) => (n === 1 ? status(429, '{"error_code":"APIGW.0308","error_msg":"throttled"}', "Retry-After: 0\r\n")(s) : status(200, '{"execution_id":"e1"}')(s)));
  const r = await callApi(call(server.url, "POST"), credentials, policy);
  expect([r.status, r.attempts, server.requests]).toEqual([200, 2, 2]);
});

test("the deadline bounds a read whose body stalls, whatever the attempt timeout", async () => {
  server = await rawServer((s) => s.write(head("Content-Length: 500\r\n") + "{"));
  const started = Date.now();
  const e = await errorOf(callApi(call(server.url), credentials, { ...policy, attemptTimeoutMs: 60_000, deadlineMs: 400 }));
  expect(e.kind).toBe("deadline");
  expect(Date.now() - started).toBeLessThan(10_000);
});

test("the caller's signal cancels a stalled read", async () => {
  server = await rawServer(() => {});
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const e = await errorOf(callApi(call(server.url), credentials, { ...policy, signal: controller.signal }));
  expect(e.kind).toBe("aborted");
});

test("connection slots come back after framing faults: a later burst of reads all succeed", async () => {
  server = await rawServer((s, n) => (n <= 8 ? s.write(head("Transfer-Encoding: chunked\r\n") + "zz\r\n") : status(200, PROJECTS)(s)));
  const once = { ...policy, maxRetries: 0 };
  await Promise.all(Array.from({ length: 8 }, () => errorOf(callApi(call(server!.url), credentials, once))));
  const results = await Promise.all(Array.from({ length: 8 }, () => callApi(call(server!.url), credentials, once)));
  expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
});
