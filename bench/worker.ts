/**
 * Child-process entry for the memory measurement: one contender, one payload, a fresh process, so peaks
 * of different contenders never mix. Started by memory.ts with --expose-gc; the job comes as argv[2]
 * (JSON), the result goes back over IPC.
 *
 * After warming up on the small payload (modules loaded, connection open), the heap is
 * collected and the RSS high-water mark reset; then each measured call starts from a collected heap.
 * Reported: the process's peak RSS during the first call (one read, as a Pulumi program or the CLI does)
 * and over all calls (a wait polls repeatedly, and V8 keeps the heap it grew), absolute and above that
 * baseline; the baseline itself (RSS and V8's committed heap); and the heap the returned result keeps alive.
 */
import { createContender, type Connection, type ContenderId } from "./contenders";
import { peakMeter } from "./peak";
import { PAYLOADS, type PayloadId } from "./scenario";

export interface WorkerJob {
  contender: ContenderId;
  payload: PayloadId;
  calls: number;
  conn: Connection;
}

export interface WorkerResult {
  contender: ContenderId;
  payload: PayloadId;
  /** RSS and V8 heap (committed) of the warmed-up process, before the measured calls. */
  baselineRss: number;
  baselineHeapTotal: number;
  /** Peak RSS of the process during the first call, and during all calls (absolute). */
  firstPeak: number;
  peak: number;
  /** heapUsed (after GC) while the last result is still referenced, minus the baseline. */
  retainedHeap: number;
  method: string;
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("worker needs --expose-gc");
  const job = JSON.parse(process.argv[2] as string) as WorkerJob;
  const contender = createContender(job.contender, job.conn);
  const payload = PAYLOADS[job.payload];
  const small = PAYLOADS.small;
  for (let i = 0; i < 3; i++) contender.check(await contender.call(small.ref), small.ref, small.nodeExecutions);
  gc();
  gc();
  const { heapUsed: baselineHeap, heapTotal: baselineHeapTotal } = process.memoryUsage();
  const meter = peakMeter();
  const baselineRss = process.memoryUsage.rss();
  meter.reset();
  let retainedHeap = 0;
  let firstPeak = 0;
  for (let i = 0; i < job.calls; i++) {
    let result: unknown = await contender.call(payload.ref);
    contender.check(result, payload.ref, payload.nodeExecutions);
    if (i === job.calls - 1) {
      gc();
      retainedHeap = process.memoryUsage().heapUsed - baselineHeap;
    }
    result = undefined;
    if (i === 0) firstPeak = meter.peak();
    gc();
  }
  const peakRss = meter.peak();
  meter.stop();
  const out: WorkerResult = {
    contender: job.contender,
    payload: job.payload,
    baselineRss,
    baselineHeapTotal,
    firstPeak,
    peak: peakRss,
    retainedHeap,
    method: meter.method,
  };
  process.send?.(out);
  process.disconnect?.();
}

main().catch((e) => {
  process.stderr.write(`worker: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
