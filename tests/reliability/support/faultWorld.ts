/**
 * Everything the fault rows run against: an emulator that accepts only the canary credentials (as
 * temporary credentials, so the security token travels too), two sinks that redirects point at, a rogue
 * server for the chunked oversize body, and a closed port. `runRow` performs one row and reports what
 * happened, including every debug line the client wrote.
 */
import { startEmulator, type RunningEmulator, type Scenario, type ScenarioExecution } from "../../../emulator";
import type { InternalContext } from "../../../provider/getWorkflowExecution";
import { getWorkflowExecution } from "../../../provider/getWorkflowExecution";
import type { WorkflowExecution } from "../../../provider/model/types";
import { CANARY } from "./canary";
import type { FaultRow, RowEnv } from "./faultRows";
import { startServer, unusedPort, type TestServer } from "./servers";

export const PROJECT = "p-rel";
export const WORKFLOW = "w-rel";

export interface FaultWorld {
  emulator: RunningEmulator;
  otherHost: TestServer;
  otherPort: TestServer;
  rogue: TestServer;
  rogueEcho: TestServer;
  closedPort: number;
  close(): Promise<void>;
}

function execution(row: FaultRow, env: RowEnv): ScenarioExecution {
  const faults = typeof row.faults === "function" ? row.faults(env) : row.faults;
  return {
    id: row.id,
    status: "success",
    beginTime: "-3m",
    endTime: "-1m",
    output: { result: "passed" },
    nodes: [{ id: "n1", name: "build", executions: [{ status: "success", beginTime: "-3m", endTime: "-2m", output: { ok: true } }] }],
    ...(faults ? { faults } : {}),
  };
}

/** Runs without faults, for the gate paths (success, a failed node, still running). */
export const GATE_RUNS = { success: "plain-success", fail: "plain-fail", running: "plain-running" } as const;

const GATE_EXECUTIONS: ScenarioExecution[] = [
  { id: GATE_RUNS.success, status: "success", beginTime: "-3m", endTime: "-1m", nodes: [{ id: "n1", name: "build", executions: [{ status: "success", beginTime: "-3m", endTime: "-2m" }] }] },
  {
    id: GATE_RUNS.fail,
    status: "fail",
    beginTime: "-3m",
    endTime: "-1m",
    nodes: [
      {
        id: "n1",
        name: "integration-tests",
        executions: [{ status: "fail", beginTime: "-3m", endTime: "-2m", errorMessage: { error_code: "FSS.1051", error_msg: "3 of 120 failed" }, requestId: "rq-node-1" }],
      },
    ],
  },
  { id: GATE_RUNS.running, status: "running", beginTime: "-3m", nodes: [{ id: "n1", name: "build", executions: [{ status: "running", beginTime: "-3m" }] }] },
];

/** 200 with a chunked body of ~200 kB (no Content-Length), so only the streaming size cap can stop it. */
function chunkedOversize(_req: unknown, res: import("node:http").ServerResponse): void {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.write('{"padding":"');
  for (let i = 0; i < 50; i++) res.write("x".repeat(4_000));
  res.end('"}');
}

/** 503 echoing the request's token and Authorization in X-Request-Id and in the error message. */
function echoCredentials(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): void {
  const echo = `${String(req.headers["x-security-token"])} ${String(req.headers.authorization)}`;
  res.writeHead(503, { "Content-Type": "application/json", "X-Request-Id": `rq ${echo}`.replace(/[^\x20-\x7e]/g, "?") });
  // No request_id in the body (like FunctionGraph's documented 404 body): the header is the request ID.
  res.end(JSON.stringify({ error_code: "APIGW.0201", error_msg: `backend unavailable for ${echo}` }));
}

export async function startFaultWorld(rows: readonly FaultRow[]): Promise<FaultWorld> {
  const otherHost = await startServer("127.0.0.2");
  const otherPort = await startServer("127.0.0.1");
  const rogue = await startServer("127.0.0.1", chunkedOversize);
  const rogueEcho = await startServer("127.0.0.1", echoCredentials);
  const closedPort = await unusedPort();
  const env: RowEnv = { otherHost: otherHost.url, otherPort: otherPort.url };
  const scenario: Scenario = {
    projectId: PROJECT,
    region: "cn-north-4",
    workflows: [
      {
        id: WORKFLOW,
        name: "reliability",
        executions: [...rows.filter((r) => (r.target ?? "emulator") === "emulator").map((r) => execution(r, env)), ...GATE_EXECUTIONS],
      },
    ],
  };
  const emulator = await startEmulator({ scenario, credentials: [CANARY] });
  return {
    emulator,
    otherHost,
    otherPort,
    rogue,
    rogueEcho,
    closedPort,
    async close() {
      await Promise.all([emulator.close(), otherHost.close(), otherPort.close(), rogue.close(), rogueEcho.close()]);
    },
  };
}

export interface RowRun {
  result?: WorkflowExecution;
  error?: unknown;
  elapsedMs: number;
  /** Requests the serving side saw for this row. */
  requests: number;
  debug: string[];
}

/** Context shared by every call: no ambient config or environment, debug lines collected. */
export function isolatedContext(debug: string[], extra: InternalContext = {}): InternalContext {
  return {
    env: {},
    config: { get: () => undefined },
    logger: { info: (m) => debug.push(`info: ${m}`), warn: (m) => debug.push(`warn: ${m}`) },
    debug: (line) => debug.push(line),
    ...extra,
  };
}

export async function runRow(world: FaultWorld, row: FaultRow): Promise<RowRun> {
  const target = row.target ?? "emulator";
  const rogue = target === "rogueChunked" ? world.rogue : target === "rogueEcho" ? world.rogueEcho : undefined;
  const endpoint = target === "unreachable" ? `http://127.0.0.1:${world.closedPort}` : (rogue ?? world.emulator).url;
  const rogueBefore = rogue?.hits.length ?? 0;
  const debug: string[] = [];
  const started = Date.now();
  let result: WorkflowExecution | undefined;
  let error: unknown;
  try {
    result = await getWorkflowExecution(
      { endpoint, projectId: PROJECT, workflowId: WORKFLOW, executionId: row.id, credentials: { ...CANARY }, ...row.args },
      isolatedContext(debug, { policy: { random: () => 0, ...row.policy } }),
    );
  } catch (e) {
    error = e;
  }
  const elapsedMs = Date.now() - started;
  const requests = target === "emulator" ? world.emulator.countRequests({ executionId: row.id }) : rogue ? rogue.hits.length - rogueBefore : 0;
  return { result, error, elapsedMs, requests, debug };
}
