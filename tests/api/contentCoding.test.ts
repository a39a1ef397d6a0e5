/**
 * A compressed body counts only when the whole compressed stream arrived: a gzip body cut short, or
 * without its CRC and length trailer, is a failed exchange, not a shorter text. A coding that was not
 * asked for is refused; decoding stays within the size limit.
 */
import * as zlib from "node:zlib";
import { exchange, ExchangeFailure } from "../../provider/api/http";
import { head, rawServer, type RawServer } from "./support/rawServer";

const BODY = JSON.stringify({ status: "success", padding: " ".repeat(4000) });
const LONG = 20_000;

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers every request with `body` under `coding`; `cut` drops that many bytes from the end. */
async function answer(coding: string, body: Buffer, cut = 0, lengthHeader = true): Promise<string> {
  const sent = body.subarray(0, body.length - cut);
  const length = lengthHeader ? `Content-Length: ${sent.length}\r\n` : "Connection: close\r\n";
  server = await rawServer((s) => s.end(Buffer.concat([Buffer.from(head(`Content-Encoding: ${coding}\r\n${length}`)), sent])));
  return server.url;
}

function read(url: string, maxBytes = 1 << 20) {
  return exchange({ url: `${url}/x`, method: "GET", headers: {} }, { signal: AbortSignal.timeout(LONG), maxBytes });
}

async function failureOf(promise: Promise<unknown>): Promise<ExchangeFailure> {
  const outcome = await promise.then((r) => r, (e: unknown) => e);
  if (!(outcome instanceof ExchangeFailure)) throw new Error(`expected an ExchangeFailure, got ${JSON.stringify(outcome).slice(0, 200)}`);
  return outcome;
}

test.each([
  ["gzip", zlib.gzipSync(BODY)],
  ["x-gzip", zlib.gzipSync(BODY)],
  ["deflate", zlib.deflateSync(BODY)],
  ["deflate", zlib.deflateRawSync(BODY)],
  ["identity", Buffer.from(BODY)],
])("a whole %s body is read as its text", async (coding, body) => {
  expect((await read(await answer(coding, body))).text).toBe(BODY);
});

test.each([
  ["without its 8-byte trailer, Content-Length exact", 8, true],
  ["cut inside the trailer, then closed", 4, false],
  ["cut to half, then closed", Math.floor(zlib.gzipSync(BODY).length / 2), false],
])("a gzip body %s is a failed exchange after HTTP 200", async (_, cut, lengthHeader) => {
  const f = await failureOf(read(await answer("gzip", zlib.gzipSync(BODY), cut, lengthHeader)));
  expect(f).toMatchObject({ kind: "network", status: 200 });
  expect(f.detail).toMatch(/gzip body is incomplete or corrupt/);
});

test("a coding that was not asked for is refused, not read as text", async () => {
  const f = await failureOf(read(await answer("xyz", Buffer.from(BODY))));
  expect(f).toMatchObject({ kind: "network", status: 200 });
  expect(f.detail).toMatch(/content coding that was not asked for \("xyz"\)/);
});

test("a body that decodes to more than the limit is too large", async () => {
  const f = await failureOf(read(await answer("gzip", zlib.gzipSync(" ".repeat(2 << 20))), 1 << 20));
  expect(f.kind).toBe("body-too-large");
});
