/**
 * A scripted HTTP server on 127.0.0.1 (port 0) for gate and lookup tests, with a request log and a count
 * of connections the client closed, and valid bodies to answer with. It checks no signature: these tests
 * are about what the gate does with answers, not about signing.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const PROJECT = "c1b2c3d4e5f60718293a4b5c6d7e8f90";
export const WORKFLOW = "wf-1";

export interface Seen {
  path: string;
  query: URLSearchParams;
}

export interface Loopback {
  url: string;
  requests: Seen[];
  /** Connections open now (a stalled request the client gave up on is closed by the client). */
  open(): number;
  close(): Promise<void>;
}

export type Handler = (req: Seen, res: ServerResponse) => void;

export async function loopback(handler: Handler): Promise<Loopback> {
  const requests: Seen[] = [];
  let open = 0;
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const seen = { path: decodeURIComponent(u.pathname), query: u.searchParams };
    requests.push(seen);
    handler(seen, res);
  });
  server.on("connection", (socket) => {
    open++;
    socket.on("close", () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    open: () => open,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Connection arguments of a library call against `url` (no ambient settings are read: see `quiet`). */
export function connection(url: string) {
  return { endpoint: url, projectId: PROJECT, region: "cn-north-4", credentials: { accessKey: "AKTEST", secretKey: "SKTEST" } };
}

/** A context that reads no environment and logs nowhere. */
export const quiet = { env: {}, logger: { info: () => undefined, warn: () => undefined } };

/** `YYYY-MM-DDTHH:mm:ssZ`, `minutes` from now. */
export function isoIn(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface RunSpec {
  id: string;
  workflowId?: string;
  status?: string;
  /** Undefined: no begin time (""), as the API sends for a run not started. */
  beginTime?: string;
  /** The workflow name segment of the URN. */
  urnName?: string;
}

/** A valid ShowWorkflowExecution body. */
export function executionBody(r: RunSpec): Record<string, unknown> {
  return {
    workflow_id: r.workflowId ?? WORKFLOW,
    workflow_urn: `urn:fss:cn-north-4:${PROJECT}:workflow:default:${r.urnName ?? "flow"}:latest`,
    execution_id: r.id,
    status: r.status ?? "success",
    begin_time: r.beginTime ?? "",
    end_time: "",
    last_update_time: r.beginTime ?? "",
    node_execution_details: [],
  };
}

/** A valid item of a ListWorkflowExecutions body. */
export function listItem(r: RunSpec): Record<string, unknown> {
  const { node_execution_details: _n, ...item } = executionBody(r);
  return item;
}

/** The execution ID of a ShowWorkflowExecution path, or undefined for another path. */
export function executionIdOf(path: string): string | undefined {
  return /\/executions\/([^/]+)$/.exec(path)?.[1];
}
