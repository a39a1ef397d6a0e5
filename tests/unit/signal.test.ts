/** The client's own AbortSignal (provider/api/signal.ts): what node-fetch 2 and the limiter rely on. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import nodeFetch from "node-fetch";
import { LightSignal } from "../../provider/api/signal";

test("calls each listener once on abort, in order, and none that was removed", () => {
  const s = new LightSignal();
  const heard: string[] = [];
  const a = () => heard.push("a");
  const b = () => heard.push("b");
  const c = () => heard.push("c");
  s.addEventListener("abort", a);
  s.addEventListener("abort", b);
  s.addEventListener("abort", a); // the same listener twice is one listener, as with EventTarget
  s.addEventListener("abort", c);
  s.removeEventListener("abort", b);
  s.abort();
  s.abort();
  expect(heard).toEqual(["a", "c"]);
  expect(s.aborted).toBe(true);
});

test("a throwing listener does not stop the others; its error is rethrown on the next tick", () => {
  const s = new LightSignal();
  const heard: string[] = [];
  const deferred: Array<() => void> = [];
  const spy = jest.spyOn(process, "nextTick").mockImplementation(((fn: () => void) => void deferred.push(fn)) as typeof process.nextTick);
  try {
    s.addEventListener("abort", () => {
      throw new Error("listener failed");
    });
    s.addEventListener("abort", () => heard.push("second"));
    s.abort();
  } finally {
    spy.mockRestore();
  }
  expect(heard).toEqual(["second"]);
  expect(deferred).toHaveLength(1);
  expect(() => deferred[0]?.()).toThrow("listener failed");
});

describe("with node-fetch 2", () => {
  let server: http.Server;
  let url: string;
  const open = new Set<import("node:net").Socket>();
  beforeAll(async () => {
    // Sends headers and half a body, then stalls: only an abort ends the request.
    server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    });
    server.on("connection", (s) => {
      open.add(s);
      s.on("close", () => open.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    for (const s of open) s.destroy();
    await new Promise((r) => server.close(r));
  });

  test("is accepted as a signal, and aborting it rejects the body read and closes the connection", async () => {
    const s = new LightSignal();
    const res = await nodeFetch(url, { signal: s as unknown as AbortSignal });
    const body = res.text();
    await new Promise((r) => setTimeout(r, 20));
    expect(open.size).toBe(1);
    s.abort();
    await expect(body).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((r) => setTimeout(r, 50));
    expect(open.size).toBe(0);
  });

  test("an already aborted signal rejects before any request", async () => {
    const s = new LightSignal();
    s.abort();
    const before = open.size;
    await expect(nodeFetch(url, { signal: s as unknown as AbortSignal })).rejects.toMatchObject({ name: "AbortError" });
    expect(open.size).toBe(before);
  });
});
