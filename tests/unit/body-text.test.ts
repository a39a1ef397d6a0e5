/** How an attempt turns the body's chunks into text: UTF-8 split anywhere, both kinds of body, the size cap. */
import { Readable } from "node:stream";
import { attempt, type FetchLike } from "../../provider/api/http";
import { LightSignal } from "../../provider/api/signal";

const TEXT = '{"name":"größe ✓ 工作流 🚀","n":1}';

function fetchOf(body: () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>, contentLength?: number): FetchLike {
  const length = contentLength === undefined ? null : String(contentLength);
  return async () => ({ status: 200, headers: { get: (name: string) => (name.toLowerCase() === "content-length" ? length : null) }, body: body() });
}

function read(fetch: FetchLike, maxBytes = 1024) {
  return attempt({ url: "http://127.0.0.1:9/x", method: "GET", headers: {}, signal: new LightSignal(), maxBytes, fetch });
}

/** The bytes of TEXT cut into pieces of `size` bytes: multi-byte characters end up split across chunks. */
function pieces(size: number): Buffer[] {
  const all = Buffer.from(TEXT, "utf8");
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size));
  return out;
}

test.each([1, 2, 3, 5, 7])("characters split across %i-byte chunks decode intact, from an array and from a stream", async (size) => {
  for (const body of [() => pieces(size), () => Readable.from(pieces(size))]) {
    const r = await read(fetchOf(body));
    if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
    expect(r.takeText()).toBe(TEXT);
  }
});

test("a truncated multi-byte character at the very end becomes U+FFFD, never a thrown error", async () => {
  const bytes = Buffer.from("ok🚀", "utf8");
  const r = await read(fetchOf(() => Readable.from([bytes.subarray(0, bytes.length - 1)])));
  if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
  expect(r.takeText()).toBe("ok\ufffd");
});

test("a streamed body over the cap is refused and the stream is destroyed", async () => {
  const stream = Readable.from(pieces(4));
  const r = await read(fetchOf(() => stream), 10);
  expect(r).toMatchObject({ kind: "failure", failure: "body-too-large" });
  await new Promise((resolve) => setImmediate(resolve));
  expect(stream.destroyed).toBe(true);
});

describe("with a declared Content-Length", () => {
  const total = Buffer.byteLength(TEXT, "utf8");

  test.each([1, 3, 7])("the right length: %i-byte chunks are gathered into one buffer and decode intact", async (size) => {
    for (const body of [() => pieces(size), () => Readable.from(pieces(size))]) {
      const r = await read(fetchOf(body, total));
      if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
      expect(r.takeText()).toBe(TEXT);
    }
  });

  test.each([
    ["shorter than what arrives", total - 9],
    ["zero", 0],
    ["longer than what arrives", total + 100],
  ])("a declared length %s still gives exactly the bytes that arrived", async (_label, declared) => {
    for (const size of [2, 5]) {
      const r = await read(fetchOf(() => Readable.from(pieces(size)), declared));
      if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
      expect(r.takeText()).toBe(TEXT);
    }
  });

  test("the size cap counts what arrives, not what was declared", async () => {
    const r = await read(fetchOf(() => Readable.from(pieces(4)), 8), 10);
    expect(r).toMatchObject({ kind: "failure", failure: "body-too-large" });
  });
});

describe("the reused gathering buffer", () => {
  const bodyOf = (text: string) => {
    const bytes = Buffer.from(text, "utf8");
    return { bytes, chunks: () => Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]) };
  };

  test("a shorter body after a longer one decodes only its own bytes", async () => {
    for (const text of ["x".repeat(500) + TEXT, TEXT, "{}", '{"a":"' + "y".repeat(300) + '"}']) {
      const { bytes, chunks } = bodyOf(text);
      const r = await read(fetchOf(chunks, bytes.length));
      if (r.kind !== "response") throw new Error(`expected a response, got ${r.kind}`);
      expect(r.takeText()).toBe(text);
    }
  });

  test("overlapping reads never share a buffer", async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `${String(i).repeat(40 + i * 13)}${TEXT}`);
    const slow = (bytes: Buffer) => async function* () {
      for (let i = 0; i < bytes.length; i += 7) {
        await new Promise((r) => setImmediate(r));
        yield bytes.subarray(i, i + 7);
      }
    };
    const results = await Promise.all(
      texts.map(async (text) => {
        const bytes = Buffer.from(text, "utf8");
        const r = await read(fetchOf(() => Readable.from(slow(bytes)()), bytes.length));
        return r.kind === "response" ? r.takeText() : r.kind;
      }),
    );
    expect(results).toEqual(texts);
  });

  test("a read that fails part-way gives the buffer back, and the next reads are intact", async () => {
    const failing = async function* () {
      yield Buffer.from("abc");
      yield Buffer.from("def");
      throw new Error("socket reset");
    };
    const r = await read(fetchOf(() => Readable.from(failing()), 100));
    expect(r).toMatchObject({ kind: "failure", failure: "network" });
    for (const size of [2, 9]) {
      const ok = await read(fetchOf(() => Readable.from(pieces(size)), Buffer.byteLength(TEXT, "utf8")));
      if (ok.kind !== "response") throw new Error(`expected a response, got ${ok.kind}`);
      expect(ok.takeText()).toBe(TEXT);
    }
  });
});
