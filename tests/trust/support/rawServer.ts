/**
 * A loopback server on plain TCP, for answers an HTTP server library refuses to send: broken chunk
 * lines, bytes after the declared length, a length longer than what comes, resets mid-body. It reads
 * requests (GETs: a head and no body, several per keep-alive connection) and hands each to the current
 * handler with its socket, which writes whatever bytes the test wants.
 */
import * as net from "node:net";
import { gzipSync } from "node:zlib";
import { executionBody, executionIdOf } from "./fixtures";

export interface RawRequest {
  method: string;
  path: string;
  head: string;
}

export type RawHandler = (socket: net.Socket, req: RawRequest) => void;

export interface RawServer {
  url: string;
  requests: RawRequest[];
  /** Replaces the handler for requests that arrive from now on. */
  setHandler(handler: RawHandler): void;
  close(): Promise<void>;
}

export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<net.Socket>();
  let current = handler;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffered = "";
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("latin1");
      for (let end = buffered.indexOf("\r\n\r\n"); end >= 0; end = buffered.indexOf("\r\n\r\n")) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        const [method = "", path = ""] = (head.split("\r\n")[0] ?? "").split(" ");
        const req = { method, path, head };
        requests.push(req);
        if (!socket.destroyed) current(socket, req);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler: (h) => (current = h),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The valid JSON body of the run a ShowWorkflowExecution request names. */
export function bodyFor(req: RawRequest): string {
  return JSON.stringify(executionBody({ executionId: executionIdOf(req.path) ?? "unknown" }));
}

/** A status line and headers, as one string ending with the blank line. */
export function head(status: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return [`HTTP/1.1 ${status}`, ...lines, "", ""].join("\r\n");
}

/** A correct 200 answer with the requested run, connection kept open. */
export const goodAnswer: RawHandler = (socket, req) => {
  const body = bodyFor(req);
  socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }) + body);
};

/**
 * Framing faults, each sent as status line, headers and (broken) body in ONE write where the fault allows,
 * because that is what leaves a reader without a further event. The socket is left open unless the fault
 * is a close or reset.
 */
export const FRAMING_FAULTS: Record<string, RawHandler> = {
  "invalid chunk-size line right after the headers": (socket) => {
    socket.write(head("200 OK", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }) + "zz\r\n");
  },
  "invalid chunk-size line after a good chunk": (socket, req) => {
    const part = bodyFor(req).slice(0, 40);
    socket.write(
      head("200 OK", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }) + `${part.length.toString(16)}\r\n${part}\r\nzz\r\n`,
    );
  },
  "bytes after the Content-Length body": (socket, req) => {
    const body = bodyFor(req);
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }) + body + "TRAILING-GARBAGE\r\n\r\n");
  },
  "Content-Length longer than the body, then close": (socket, req) => {
    const body = bodyFor(req);
    socket.end(head("200 OK", { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) + 500 }) + body);
  },
  "chunked body closed before the last chunk": (socket, req) => {
    const part = bodyFor(req).slice(0, 40);
    socket.end(head("200 OK", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }) + `${part.length.toString(16)}\r\n${part}\r\n`);
  },
  "connection reset mid-body": (socket, req) => {
    const body = bodyFor(req);
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }) + body.slice(0, 50));
    setTimeout(() => socket.resetAndDestroy(), 20);
  },
  "malformed status line": (socket) => {
    socket.write("HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}");
  },
  "header line without a colon": (socket) => {
    socket.write("HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n{}");
  },
  "both Content-Length and Transfer-Encoding": (socket, req) => {
    const body = bodyFor(req);
    const headers = { "Content-Type": "application/json", "Content-Length": 5, "Transfer-Encoding": "chunked" };
    socket.write(head("200 OK", headers) + `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
  },
  "two different Content-Length headers": (socket, req) => {
    const body = bodyFor(req);
    socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nContent-Length: ${body.length + 7}\r\n\r\n${body}`);
  },
  "a Content-Length that is not a number": (socket, req) => {
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Length": "12abc" }) + bodyFor(req));
  },
  "headers over Node's 16 KiB limit": (socket, req) => {
    const body = bodyFor(req);
    socket.write(head("200 OK", { "X-Padding": "p".repeat(20_000), "Content-Length": Buffer.byteLength(body) }) + body);
  },
  "a chunk size that overflows 64 bits": (socket) => {
    socket.write(head("200 OK", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }) + "1ffffffffffffffffff\r\n{");
  },
};

/** Bodies whose framing is sound but whose content coding is broken: the read must still end at once. */
export const CODING_FAULTS: Record<string, RawHandler> = {
  "a gzip body that is not gzip": (socket) => {
    const junk = "this is not a gzip stream at all";
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": junk.length }) + junk);
  },
  "a gzip body cut short, then close": (socket, req) => {
    const zipped = gzipSync(bodyFor(req));
    const cut = zipped.subarray(0, Math.floor(zipped.length / 2));
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": cut.length }));
    socket.end(cut);
  },
  "a gzip body without its CRC and length trailer": (socket, req) => {
    const zipped = gzipSync(bodyFor(req));
    const cut = zipped.subarray(0, zipped.length - 8);
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": cut.length }));
    socket.write(cut);
  },
  "a content coding that was not asked for": (socket, req) => {
    const body = bodyFor(req);
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Encoding": "xyz", "Content-Length": Buffer.byteLength(body) }) + body);
  },
};

/** Sends the body one byte every `everyMs`, forever: never idle, never done. */
export function dripBody(everyMs: number): RawHandler {
  return (socket) => {
    socket.write(head("200 OK", { "Content-Type": "application/json", "Content-Length": 1_000_000 }));
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(" ")), everyMs);
    socket.on("close", () => clearInterval(timer));
  };
}

/** Sends an informational `102 Processing` answer every `everyMs`, forever: no final status ever comes. */
export function dripInformational(everyMs: number): RawHandler {
  return (socket) => {
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write("HTTP/1.1 102 Processing\r\n\r\n")), everyMs);
    socket.on("close", () => clearInterval(timer));
  };
}

/** Sends one more header line every `everyMs`, forever: the headers never end. */
export function dripHeaders(everyMs: number): RawHandler {
  return (socket) => {
    socket.write("HTTP/1.1 200 OK\r\n");
    let n = 0;
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(`X-Drip-${n++}: 1\r\n`)), everyMs);
    socket.on("close", () => clearInterval(timer));
  };
}
