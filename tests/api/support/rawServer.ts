/** A raw TCP server on 127.0.0.1 that answers every request with a script: for framing faults no HTTP
 * library would produce. Counts requests and keeps every socket so that tests can see them closed. */
import * as net from "node:net";

export interface RawServer {
  url: string;
  requests: number;
  /** Sockets still open on the server side. */
  open(): number;
  close(): Promise<void>;
}

export async function rawServer(script: (socket: net.Socket, n: number) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.once("data", () => script(socket, ++state.requests));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Status line and headers of a 200 JSON answer, with `extra` header lines. */
export function head(extra: string, status = "200 OK"): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n${extra}\r\n`;
}
