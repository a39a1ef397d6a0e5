/**
 * A scripted loopback HTTP server: each request is recorded (method, path, query) and answered by the
 * test's handler. Closing it drops open connections, so a stalled answer never outlives its test.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (req: SeenRequest, res: http.ServerResponse) => void;

export interface HttpServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startHttpServer(handler: Handler): Promise<HttpServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const seen = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(seen);
    handler(seen, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` (JSON-encoded unless already a string) with `status` and extra headers. */
export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends the headers and the first bytes of `body`, then nothing more: the body stalls until close. */
export function stall(res: http.ServerResponse, status: number, body = '{"workflow_id":'): void {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": body.length + 1000 });
  res.write(body);
}
