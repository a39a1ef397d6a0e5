/**
 * Watching the connection an exchange runs on, through the agent node-fetch hands its request to.
 *
 * node-fetch misses a connection that closes in the middle of a Content-Length body (it reads the body
 * through a pipe that does not pass the close on), so each exchange gives node-fetch an agent of its
 * own: an object that delegates to one shared keep-alive agent per protocol and only adds a look at the
 * request as Node hands it over (`addRequest`, the hook Node documents for agent-like objects). The
 * response's own `complete` flag then says, when it closes, whether the whole message arrived.
 *
 * Connections are reused between exchanges; one whose exchange did not end cleanly is destroyed, never
 * returned to the pool.
 */
import * as http from "node:http";
import * as https from "node:https";
import { ExchangeFailure } from "./exchangeFailure";

/** Idle connections are unref'd by Node's agent, so a pool never keeps a process alive. */
const shared = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/**
 * A request that must not be sent twice (a start) gets a connection of its own: a pooled one may have
 * been closed by the server just as it is reused, and such a failure cannot tell whether the request left.
 */
const fresh = {
  "http:": new http.Agent({ keepAlive: false }),
  "https:": new https.Agent({ keepAlive: false }),
};

export interface ConnectionWatch {
  /** The agent to hand to node-fetch for this exchange only. */
  agent: http.Agent;
  /** Rejects with a network ExchangeFailure when the response closes before it is complete. */
  closedEarly: Promise<never>;
  /** Ends the exchange's connection unless it completed cleanly (`clean`), in which case it stays pooled. */
  release(clean: boolean): void;
}

export function openConnectionWatch(url: URL, reuse: boolean): ConnectionWatch {
  const agents = reuse ? shared : fresh;
  const base = url.protocol === "https:" ? agents["https:"] : agents["http:"];
  let request: http.ClientRequest | undefined;
  let fail: (e: ExchangeFailure) => void = () => {};
  const closedEarly = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Nobody may be listening when it rejects (the exchange already ended).
  closedEarly.catch(() => {});

  const watch = (req: http.ClientRequest) => {
    request = req;
    req.once("response", (res: http.IncomingMessage) => {
      res.once("close", () => {
        if (!res.complete) fail(new ExchangeFailure("network", "the connection closed before the whole response body arrived"));
      });
    });
  };
  const agent = Object.create(base, {
    addRequest: {
      value(req: http.ClientRequest, options: unknown) {
        watch(req);
        (base as unknown as { addRequest(r: http.ClientRequest, o: unknown): void }).addRequest(req, options);
      },
    },
  }) as http.Agent;

  return {
    agent,
    closedEarly,
    release: (clean) => {
      if (!clean) request?.destroy();
    },
  };
}
