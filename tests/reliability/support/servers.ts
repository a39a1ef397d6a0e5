/**
 * Small HTTP servers the fault tests need besides the emulator: a sink that must never be reached (the
 * target of a redirect), a rogue server that answers in ways the emulator cannot, a port nobody listens
 * on, and a counting proxy that measures how many requests are in flight at once.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Hit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  url: string;
  port: number;
  hits: Hit[];
  close(): Promise<void>;
}

/** Starts a server on `host`:0 whose requests are recorded and answered by `handler`. */
export async function startServer(
  host: string,
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end("{}");
  },
): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that was free a moment ago and has no listener now. */
export async function unusedPort(): Promise<number> {
  const s = await startServer("127.0.0.1");
  await s.close();
  return s.port;
}

export interface CountingProxy extends TestServer {
  /** Most requests the proxy had received and not yet finished answering, at any moment. */
  maxInFlight(): number;
  inFlight(): number;
}

/**
 * A pass-through proxy to `target` (headers forwarded untouched, so signatures stay valid). A request
 * counts as in flight from its arrival until the proxy has handed the last byte of its answer over (or the
 * client went away). Both ends of that window lie inside the client's own window for the same request,
 * so the client had at least as many requests in flight as this proxy ever counts.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let now = 0;
  let max = 0;
  const server = await startServer("127.0.0.1", (req, res) => {
    now++;
    max = Math.max(max, now);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        now--;
      }
    };
    res.on("close", finish);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => {
          finish();
          res.end(Buffer.concat(chunks));
        });
        up.on("error", () => {
          finish();
          res.destroy();
        });
      },
    );
    forward.on("error", () => {
      finish();
      res.destroy();
    });
    req.pipe(forward);
  });
  return {
    ...server,
    maxInFlight: () => max,
    inFlight: () => now,
    close: async () => {
      agent.destroy();
      await server.close();
    },
  };
}
