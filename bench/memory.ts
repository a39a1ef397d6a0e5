/**
 * Peak memory per contender and payload, each measured in its own fresh child process (worker.ts),
 * sequentially, so neither peaks nor CPU contention mix. Several processes per pair; the median is
 * reported with the range.
 */
import { fork } from "node:child_process";
import * as path from "node:path";
import type { Connection, ContenderId } from "./contenders/types";
import type { PayloadId } from "./scenario";
import { median } from "./stats";
import type { WorkerJob, WorkerResult } from "./worker";

/** A measurement over several processes, bytes: the median and the range. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

function spreadOf(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export interface MemoryResult {
  contender: ContenderId;
  payload: PayloadId;
  /** Warmed-up process before the measured calls: RSS and V8's committed heap, bytes (medians). */
  baselineRss: number;
  baselineHeapTotal: number;
  /** The process's peak RSS (absolute) during the first call, and over all calls of a process. */
  firstPeak: Spread;
  peak: Spread;
  /** The same peaks above the warmed-up baseline. */
  firstPeakDelta: Spread;
  peakDelta: Spread;
  retainedHeap: number;
  processes: number;
  callsPerProcess: number;
  method: string;
}

function runWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "worker.js"), [JSON.stringify(job)], {
      execArgv: ["--expose-gc"],
      // As the whole-process contenders: extra CA certificates would add to every baseline.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_EXTRA_CA_CERTS" && k !== "NODE_OPTIONS")),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: WorkerResult | undefined;
    child.on("message", (m) => (result = m as WorkerResult));
    child.on("error", reject);
    child.on("exit", (code) =>
      result ? resolve(result) : reject(new Error(`memory worker ${job.contender}/${job.payload} exited with ${code} and no result`)),
    );
  });
}

export async function measureMemory(
  conn: Connection,
  contenders: readonly ContenderId[],
  payload: PayloadId,
  opts: { processes: number; calls: number },
): Promise<MemoryResult[]> {
  const runs = new Map<ContenderId, WorkerResult[]>(contenders.map((c) => [c, []]));
  // Interleaved like the timing loop: one process of each contender per repetition.
  for (let rep = 0; rep < opts.processes; rep++) {
    for (const contender of contenders) {
      runs.get(contender)?.push(await runWorker({ contender, payload, calls: opts.calls, conn }));
    }
  }
  return contenders.map((contender) => {
    const list = runs.get(contender) as WorkerResult[];
    return {
      contender,
      payload,
      baselineRss: median(list.map((r) => r.baselineRss)),
      baselineHeapTotal: median(list.map((r) => r.baselineHeapTotal)),
      firstPeak: spreadOf(list.map((r) => r.firstPeak)),
      peak: spreadOf(list.map((r) => r.peak)),
      firstPeakDelta: spreadOf(list.map((r) => r.firstPeak - r.baselineRss)),
      peakDelta: spreadOf(list.map((r) => r.peak - r.baselineRss)),
      retainedHeap: median(list.map((r) => r.retainedHeap)),
      processes: list.length,
      callsPerProcess: opts.calls,
      method: list[0]?.method ?? "",
    };
  });
}
