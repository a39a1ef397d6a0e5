/**
 * The load run shared by the two load tests: 1,000 concurrent reads over 100 executions, through a
 * counting proxy, against an emulator with its gateway throttling on. `latencyMs` makes every answer
 * take that long (as a real gateway does); 0 is the worst case for throttling.
 */
import { startEmulator, type Scenario, type ScenarioExecution } from "../../../emulator";
import { DEFAULT_MAX_CONCURRENCY } from "../../../provider/api/limiter";
import { getWorkflowExecution } from "../../../provider/getWorkflowExecution";
import type { ExecutionStatus, WorkflowExecution } from "../../../provider/model/types";
import { CANARY } from "./canary";
import { RUNS } from "./counts";
import { isolatedContext } from "./faultWorld";
import { startCountingProxy } from "./servers";
import { countUnhandledRejections } from "./unhandled";

const STATUSES: ExecutionStatus[] = ["success", "fail", "running", "timeout", "cancel", "scheduled", "retrying", "stopping", "recovered"];
const FINAL = new Set<ExecutionStatus>(["success", "fail", "timeout", "cancel"]);
export interface LoadOptions {
  /** How long every answer takes (0: at once). */
  latencyMs: number;
  /** The emulator's gateway throttling (token bucket per access key). */
  throttle: { ratePerSecond: number; burst: number };
  /** Each call's total deadline. */
  deadlineSeconds: number;
}

/** The status the scenario gives execution `load-<i>`. */
export const statusOf = (i: number): ExecutionStatus => STATUSES[i % STATUSES.length];

function loadScenario(latencyMs: number): Scenario {
  const executions: ScenarioExecution[] = Array.from({ length: RUNS.loadExecutions }, (_, i) => {
    const status = statusOf(i);
    const end = FINAL.has(status) ? { endTime: "-1m" } : {};
    return {
      id: `load-${i}`,
      status,
      beginTime: "-10m",
      ...end,
      nodes: [{ id: "n", name: "step", executions: [{ status, beginTime: "-10m", ...end }] }],
      ...(latencyMs > 0 ? { faults: [{ kind: "delay" as const, attempts: "every" as const, delayHeadersMs: latencyMs }] } : {}),
    };
  });
  return { projectId: "p-load", region: "cn-north-4", workflows: [{ id: "w-load", name: "load", executions }] };
}

export interface CallRecord {
  index: number;
  ms: number;
  result?: WorkflowExecution;
  error?: unknown;
}

export interface LoadReport {
  calls: CallRecord[];
  wallMs: number;
  requests: number;
  throttled: number;
  maxInFlight: number;
  inFlightAfter: number;
  unhandled: unknown[];
  heapGrowthMb: number;
}

/**
 * A real garbage collection, also under jest (which does not expose `gc`): without it, heapUsed counts
 * the garbage of 1,000 calls and says nothing about what they retain.
 */
function forcedGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("node:v8") as typeof import("node:v8")).setFlagsFromString("--expose-gc");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("node:vm") as typeof import("node:vm")).runInNewContext("gc") as () => void;
}

export async function runLoad({ latencyMs, throttle, deadlineSeconds }: LoadOptions): Promise<LoadReport> {
  const emulator = await startEmulator({ scenario: loadScenario(latencyMs), credentials: [CANARY], throttle });
  const proxy = await startCountingProxy(emulator.url);
  const calls: CallRecord[] = [];
  try {
    const gc = forcedGc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const counter = countUnhandledRejections();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: RUNS.concurrentCalls }, async (_, index) => {
        const t0 = Date.now();
        const record: CallRecord = { index, ms: 0 };
        try {
          record.result = await getWorkflowExecution(
            {
              endpoint: proxy.url,
              projectId: "p-load",
              workflowId: "w-load",
              executionId: `load-${index % RUNS.loadExecutions}`,
              credentials: { ...CANARY },
              deadlineSeconds,
            },
            isolatedContext([]),
          );
        } catch (e) {
          record.error = e;
        }
        record.ms = Date.now() - t0;
        calls.push(record);
      }),
    );
    const wallMs = Date.now() - started;
    const unhandled = await counter.stop();
    gc();
    const report: LoadReport = {
      calls,
      wallMs,
      requests: emulator.requests.length,
      throttled: emulator.requests.filter((r) => r.status === 429).length,
      maxInFlight: proxy.maxInFlight(),
      inFlightAfter: proxy.inFlight(),
      unhandled,
      heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
    };
    console.log(
      `load (${latencyMs} ms per answer, throttle ${throttle.ratePerSecond}/s burst ${throttle.burst}): ${calls.length} calls in ${wallMs} ms; ${report.requests} requests, ${report.throttled} answered 429; ` +
        `max in flight ${report.maxInFlight} (limit ${DEFAULT_MAX_CONCURRENCY}); heap +${report.heapGrowthMb.toFixed(1)} MB; ` +
        `${calls.filter((c) => c.error).length} calls failed`,
    );
    return report;
  } finally {
    await proxy.close();
    await emulator.close();
  }
}

/** Calls whose outcome is not the status of their execution, described. */
export function wrongOutcomes(calls: readonly CallRecord[]): string[] {
  return calls
    .filter((c) => {
      const i = c.index % RUNS.loadExecutions;
      return c.result?.status !== statusOf(i) || c.result?.executionId !== `load-${i}`;
    })
    .map((c) => `call ${c.index}: ${c.error ? String((c.error as Error).message).slice(0, 160) : c.result?.status}`);
}
