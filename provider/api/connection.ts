/**
 * A connection of its own for each exchange, watched.
 *
 * Each exchange gets a fresh agent without keep-alive, so it owns exactly one socket: when that socket
 * closes, the exchange is over, and `closedEarly` turns a close that came before the body's end into a
 * network failure at once (node-fetch misses a reset in the middle of a Content-Length body). Not
 * reusing connections costs a handshake per request, which a gate polling every few seconds does not
 * feel, and means no socket is ever shared with a previous, possibly poisoned, exchange.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { Socket } from "node:net";
import { ExchangeFailure } from "./exchangeFailure";

export interface ConnectionWatch {
  /** The agent to hand to node-fetch for this exchange only. */
  agent: http.Agent;
  /**
   * Rejects with a network ExchangeFailure when the connection closes before `body` was fully handed
   * over by the HTTP layer; never resolves otherwise.
   */
  closedEarly(body: unknown): Promise<never>;
  /** Closes the connection, whatever state it is in. */
  destroy(): void;
}

/** Whether the HTTP layer ended the body stream: it ends it only after the complete message arrived. */
function bodyEnded(body: unknown): boolean {
  const b = body as { writableEnded?: unknown; readableEnded?: unknown };
  return b?.writableEnded === true || b?.readableEnded === true;
}

export function openConnectionWatch(url: URL): ConnectionWatch {
  const agent = url.protocol === "https:" ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const sockets: Socket[] = [];
  const closeListeners: Array<() => void> = [];
  let closed = false;
  const create = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
  // createConnection is the documented hook for the socket an agent opens.
  (agent as unknown as { createConnection: (...args: unknown[]) => Socket }).createConnection = (...args: unknown[]) => {
    const socket = create(...args);
    sockets.push(socket);
    socket.once("close", () => {
      closed = true;
      for (const listener of closeListeners.splice(0)) listener();
    });
    return socket;
  };

  const closedEarly = (body: unknown) =>
    new Promise<never>((_, reject) => {
      const check = () => {
        // The end of a complete body can still be on its way through the stream pipeline: look once the
        // queued callbacks have run.
        setImmediate(() => {
          if (!bodyEnded(body)) reject(new ExchangeFailure("network", "the connection closed before the whole response body arrived"));
        });
      };
      if (closed) check();
      else closeListeners.push(check);
    });

  return {
    agent,
    closedEarly: (body) => {
      const p = closedEarly(body);
      p.catch(() => {});
      return p;
    },
    destroy: () => {
      for (const s of sockets) s.destroy();
      agent.destroy();
    },
  };
}
