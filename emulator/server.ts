/**
 * `startEmulator`: the HTTP server's lifecycle. It owns every socket and timer it creates so that
 * `close()` can end stalled responses and pending delays at once and a test runner exits cleanly.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { handleRequest } from "./handle";
import { loadScenario } from "./load";
import { DEMO_CREDENTIALS, EMULATOR_DEFAULTS, type EmulatorOptions, type RecordedRequest, type RunningEmulator } from "./options";
import { EmulatorState } from "./state";
import { Throttle } from "./throttle";

function checkCredentials(list: EmulatorOptions["credentials"]): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length === 0) throw new TypeError("credentials must be a non-empty array");
  for (const c of list) {
    if (!c || typeof c.accessKey !== "string" || !c.accessKey || typeof c.secretKey !== "string" || !c.secretKey) {
      throw new TypeError("each credential needs a non-empty accessKey and secretKey");
    }
  }
}

/** Chinese mainland regions are the `cn-*` ones (Hong Kong is `ap-southeast-1`). */
export function isMainlandRegion(region: string): boolean {
  return region.startsWith("cn-");
}

function startsAvailable(option: EmulatorOptions["startApis"], region: string): boolean {
  const mode = option ?? EMULATOR_DEFAULTS.startApis;
  if (mode !== "auto" && mode !== "available" && mode !== "refused") throw new TypeError('startApis must be "auto", "available" or "refused"');
  return mode === "auto" ? isMainlandRegion(region) : mode === "available";
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** Starts an emulator; resolves once it listens. Throws `ScenarioError` for an invalid scenario. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkCredentials(options.credentials);
  const host = options.host ?? EMULATOR_DEFAULTS.host;
  const now = options.now ?? EMULATOR_DEFAULTS.now;
  const credentials = (options.credentials ?? [DEMO_CREDENTIALS]).map((c) => ({ ...c }));
  const scenario = loadScenario(options.scenario);
  const state = new EmulatorState(scenario, now());
  const throttle = options.throttle ? new Throttle({ ...options.throttle }, now) : undefined;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  // Unique per emulator (random prefix) and ordered within it (counter): easy to correlate in logs.
  const idPrefix = randomBytes(4).toString("hex");
  let counter = 0;
  let port = 0;

  const deps = {
    state,
    credentials,
    now,
    maxSkewMs: options.maxSkewMs ?? EMULATOR_DEFAULTS.maxSkewMs,
    startsAvailable: startsAvailable(options.startApis, scenario.region),
    throttle,
    requests,
    nextRequestId: () => `${idPrefix}${(++counter).toString(16).padStart(24, "0")}`,
    port: () => port,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        // After close() the timer is cleared and the promise never settles: the socket is gone anyway.
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, ms);
        timers.add(t);
      }),
  };

  const server = createServer((req, res) => void handleRequest(deps, req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Resets are part of the fault menu; errors on our own sockets are expected, not crashes.
  server.on("clientError", (_err, socket) => socket.destroy());
  port = await listen(server, options.port ?? EMULATOR_DEFAULTS.port, host);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    projectId: scenario.projectId,
    region: scenario.region,
    credentials: { ...(credentials[0] as RunningEmulator["credentials"]) },
    requests,
    runs: state.runs,
    countRequests(filter = {}) {
      const fields = ["route", "executionId", "workflowId", "method"] as const;
      return requests.filter((r) => fields.every((f) => filter[f] === undefined || r[f] === filter[f])).length;
    },
    reset() {
      requests.length = 0;
      state.reset(now());
      throttle?.reset();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
