/**
 * One exchange settles whatever the server does: framing faults end it at once as a network failure
 * carrying the status that had arrived, stalls end it when its signal fires, and its connection is
 * closed afterwards in every case.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type * as net from "node:net";
import { exchange, ExchangeFailure } from "../../provider/api/http";
import { head, rawServer, type RawServer } from "./support/rawServer";

const BODY = '{"a":1}';
/** Long enough that a test failing by timeout cannot be mistaken for a prompt settlement. */
const LONG = 20_000;

const faults: Array<[string, (s: net.Socket) => void]> = [
  ["an invalid chunk-size line in the first packet", (s) => s.write(head("Transfer-Encoding: chunked\r\n") + "zz\r\n")],
  ["bytes after the declared length in the same packet", (s) => s.write(head(`Content-Length: ${BODY.length}\r\n`) + BODY + "GARBAGE")],
  ["a declared length longer than what arrives, then close", (s) => s.end(head("Content-Length: 100\r\n") + BODY)],
  ["a reset in the middle of a Content-Length body", (s) => { s.write(head("Content-Length: 100\r\n") + BODY); setTimeout(() => s.resetAndDestroy(), 30); }],
  ["a reset in the middle of a chunked body", (s) => { s.write(head("Transfer-Encoding: chunked\r\n") + `7\r\n${BODY}\r\n`); setTimeout(() => s.resetAndDestroy(), 30); }],
  ["a chunked body closed before its last chunk", (s) => { s.write(head("Transfer-Encoding: chunked\r\n") + `7\r\n${BODY}\r\n`); setTimeout(() => s.end(), 30); }],
  ["an invalid chunk after a valid one", (s) => s.write(head("Transfer-Encoding: chunked\r\n") + `7\r\n${BODY}\r\nqq\r\n`)],
];

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(promise: Promise<unknown>): Promise<ExchangeFailure> {
  const outcome = await promise.then(
    (r) => r,
    (e: unknown) => e,
  );
  if (!(outcome instanceof ExchangeFailure)) throw new Error(`expected an ExchangeFailure, got ${JSON.stringify(outcome)}`);
  return outcome;
}

test.each(faults)("%s ends the exchange at once as a network failure after HTTP 200", async (_, script) => {
  server = await rawServer(script);
  const started = Date.now();
  const f = await failureOf(exchange({ url: `${server.url}/x`, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes: 1 << 20 }));
  expect(f).toMatchObject({ kind: "network", status: 200 });
  // Settled by the fault, not by the 20 s signal.
  expect(Date.now() - started).toBeLessThan(LONG / 2);
});

test("a malformed status line fails before any status is known", async () => {
  server = await rawServer((s) => s.end("HTTP/1.1 2x0 OK\r\n\r\n"));
  const f = await failureOf(exchange({ url: `${server.url}/x`, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes: 1 << 20 }));
  expect(f.kind).toBe("network");
  expect(f.status).toBeUndefined();
});

test.each([
  ["before the status line", (s: net.Socket) => s.write("HTTP/1.1 20")],
  ["in the body", (s: net.Socket) => s.write(head("Content-Length: 100\r\n") + BODY)],
])("a stall %s ends when the signal fires, and the connection is closed", async (_, script) => {
  server = await rawServer(script);
  const controller = new AbortController();
  const pending = failureOf(exchange({ url: `${server.url}/x`, method: "GET", headers: {} }, { signal: controller.signal, maxBytes: 1 << 20 }));
  await new Promise((r) => setTimeout(r, 100));
  controller.abort("timeout");
  expect((await pending).kind).toBe("aborted");
  await new Promise((r) => setTimeout(r, 100));
  expect(server.open()).toBe(0);
});

test("a complete answer is read whole, and its connection is reused by the next exchange", async () => {
  let connections = 0;
  const server = http.createServer((_, res) => {
    res.setHeader("Content-Type", "application/json");
    res.setHeader("X-Request-Id", "rq-1");
    res.end(BODY);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  try {
    for (let i = 0; i < 3; i++) {
      const res = await exchange({ url, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes: 1 << 20 });
      expect([res.status, res.text, res.header("x-request-id")]).toEqual([200, BODY, "rq-1"]);
    }
    expect(connections).toBe(1);
    // A POST, which must never be sent twice, gets a connection of its own each time.
    for (let i = 0; i < 2; i++) await exchange({ url, method: "POST", headers: {}, body: "{}" }, { signal: AbortSignal.timeout(LONG), maxBytes: 1 << 20 });
    expect(connections).toBe(3);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test("a body over the size limit is refused, declared or not", async () => {
  server = await rawServer((s) => s.end(head("") + "x".repeat(5000)));
  const f = await failureOf(exchange({ url: `${server.url}/x`, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes: 1000 }));
  expect(f.kind).toBe("body-too-large");
  await server.close();
  server = await rawServer((s) => s.end(head("Content-Length: 5000\r\n") + "x".repeat(5000)));
  const g = await failureOf(exchange({ url: `${server.url}/x`, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes: 1000 }));
  expect(g).toMatchObject({ kind: "body-too-large", status: 200 });
});

test("a refused connection is a network failure known not to have been sent", async () => {
  server = await rawServer(() => {});
  const url = `${server.url}/x`;
  await server.close();
  server = undefined;
  const f = await failureOf(exchange({ url, method: "POST", headers: {}, body: "{}" }, { signal: AbortSignal.timeout(LONG), maxBytes: 1000 }));
  expect(f).toMatchObject({ kind: "network", notSent: true });
});
