/**
 * Test helpers: sign a request with the project's signer and send it with node:http to an emulator, one
 * connection per request (no agent), capturing whatever arrives: a complete response, a partial one, or a
 * socket error.
 */
import * as http from "node:http";
import { signRequest, type Credentials } from "../../provider/api/signer";
import type { RunningEmulator } from "../../emulator";

export interface SendOptions {
  method?: string;
  /** Decoded path, e.g. `/v2/p/fgs/workflows/w/executions/e`; each segment is encoded on the wire. */
  path: string;
  query?: Record<string, string | string[]>;
  /** Extra headers to send and sign. Default: `content-type: application/json` and `x-project-id`. */
  headers?: Record<string, string>;
  body?: string;
  /** Credentials to sign with; `null` sends the request unsigned. Default: the emulator's. */
  credentials?: Credentials | null;
  /** Signing date. Default: now. */
  date?: Date;
  /** Called with the final headers after signing (to tamper with them). */
  tamper?: (headers: Record<string, string>) => void;
  /** Overrides the wire path+query (after signing). */
  wireUrl?: string;
  /** Stop waiting after this long and report what arrived. Default 10 s. */
  waitMs?: number;
}

export interface Exchange {
  status?: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The response ended normally. */
  complete: boolean;
  error?: NodeJS.ErrnoException;
  elapsedMs: number;
  text(): string;
  json(): any;
}

export function wireUrl(path: string, query?: Record<string, string | string[]>): string {
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  const q = params.toString();
  return q ? `${encodedPath}?${q}` : encodedPath;
}

/** Signs (unless credentials is null) and sends; resolves with what arrived, never rejects. */
export function exchange(emu: RunningEmulator, opts: SendOptions): Promise<Exchange> {
  const host = `127.0.0.1:${emu.port}`;
  const base: Record<string, string> = opts.headers ?? { "content-type": "application/json", "x-project-id": emu.projectId };
  let headers: Record<string, string> = { ...base, host };
  const credentials = opts.credentials === undefined ? emu.credentials : opts.credentials;
  if (credentials) {
    const signed = signRequest(
      { method: opts.method ?? "GET", host, path: opts.path, query: opts.query, headers: base, body: opts.body },
      credentials,
      opts.date ?? new Date(),
    );
    headers = { ...headers, ...signed.headers };
  }
  // GET has no chunked encoding by default: frame a body explicitly (Content-Length is not signed).
  if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
  opts.tamper?.(headers);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const result = (partial: Partial<Exchange>): Exchange => {
      const body = Buffer.concat(chunks);
      return {
        headers: {},
        complete: false,
        ...partial,
        body,
        elapsedMs: Date.now() - started,
        text: () => body.toString("utf8"),
        json: () => JSON.parse(body.toString("utf8")),
      };
    };
    const finish = (partial: Partial<Exchange>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result(partial));
    };
    let response: http.IncomingMessage | undefined;
    const req = http.request(
      { host: "127.0.0.1", port: emu.port, method: opts.method ?? "GET", path: opts.wireUrl ?? wireUrl(opts.path, opts.query), headers, agent: false },
      (res) => {
        response = res;
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => finish({ status: res.statusCode, headers: res.headers, complete: true }));
        res.on("error", (error) => finish({ status: res.statusCode, headers: res.headers, error }));
      },
    );
    const timer = setTimeout(() => finish({ status: response?.statusCode, headers: response?.headers ?? {} }), opts.waitMs ?? 10_000);
    req.on("error", (error) => finish({ status: response?.statusCode, headers: response?.headers ?? {}, error }));
    req.end(opts.body);
  });
}

/** Paths of the emulated API. */
export const paths = {
  execution: (emu: RunningEmulator, workflowId: string, executionId: string) =>
    `/v2/${emu.projectId}/fgs/workflows/${workflowId}/executions/${executionId}`,
  executions: (emu: RunningEmulator, workflowId: string) => `/v2/${emu.projectId}/fgs/workflows/${workflowId}/executions`,
  workflows: (emu: RunningEmulator) => `/v2/${emu.projectId}/fgs/workflows`,
  syncExecutions: (emu: RunningEmulator, workflowId: string) => `/v2/${emu.projectId}/fgs/workflows/${workflowId}/sync-executions`,
  terminate: (emu: RunningEmulator, workflowId: string, executionId: string) =>
    `/v2/${emu.projectId}/fgs/workflows/${workflowId}/executions/${executionId}/terminate`,
  iam: "/v3/projects",
};

/** GET one execution (signed), optionally with the full-history header. */
export function getExecution(emu: RunningEmulator, workflowId: string, executionId: string, extra: Partial<SendOptions> & { full?: boolean } = {}): Promise<Exchange> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-project-id": emu.projectId };
  if (extra.full !== undefined) headers["x-get-workflow-full-history-data"] = String(extra.full);
  return exchange(emu, { headers, ...extra, path: paths.execution(emu, workflowId, executionId) });
}

/** A controllable clock for `startEmulator({ now })`. */
export function manualClock(start = Date.UTC(2024, 4, 6, 7, 8, 9)): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

export const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A signed POST with a JSON body (as text, so tests can send malformed bodies too). */
export function postJson(emu: RunningEmulator, path: string, body: unknown, extra: Partial<SendOptions> = {}): Promise<Exchange> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return exchange(emu, { method: "POST", path, body: text, ...extra });
}

/** StartWorkflowExecution (`sync: false`) or StartSyncWorkflowExecution (`sync: true`). */
export function startRun(emu: RunningEmulator, workflowId: string, body: unknown, extra: Partial<SendOptions> & { sync?: boolean } = {}): Promise<Exchange> {
  const path = extra.sync ? paths.syncExecutions(emu, workflowId) : paths.executions(emu, workflowId);
  return postJson(emu, path, body, extra);
}

/** Terminates a run (a signed POST without a body, as the official SDK sends it). */
export function terminateRun(emu: RunningEmulator, workflowId: string, executionId: string, extra: Partial<SendOptions> = {}): Promise<Exchange> {
  return exchange(emu, { method: "POST", path: paths.terminate(emu, workflowId, executionId), ...extra });
}
