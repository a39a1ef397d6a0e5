/** Command-line flags and iteration counts. */

export interface BenchConfig {
  quick: boolean;
  write: boolean;
  timing: { small: { warmup: number; measured: number }; large: { warmup: number; measured: number } };
  memory: { processes: number; smallCalls: number; largeCalls: number };
  requireRuns: number;
  hostRuns: number;
  latestRuns: number;
  waitTrials: number;
}

/**
 * Small-payload warm-up: V8 optimizes a function once it has run long enough, and the library's
 * once-per-read functions get there gradually. Interleaved with the other two contenders, the ajv
 * validator (one large function) is optimized around round 1,750, and the library/floor ratio falls from
 * about 1.14 to about 1.08 by round 2,000 (the "Warm-up" line of BENCHMARKS.md shows this per 500 rounds).
 * 2,500 rounds puts the measured rounds past that. The large payload's loops are optimized within a call;
 * its calls are bimodal (a read does or does not pay for a scavenge that copies a freshly parsed body), so
 * the median of 120 rounds moved by about ±0.04 between runs; 300 rounds narrow that to about ±0.025.
 */
const FULL: Omit<BenchConfig, "quick" | "write"> = {
  timing: { small: { warmup: 2500, measured: 1500 }, large: { warmup: 8, measured: 300 } },
  memory: { processes: 3, smallCalls: 20, largeCalls: 4 },
  requireRuns: 9,
  hostRuns: 3,
  latestRuns: 10,
  waitTrials: 10_000,
};

/** Tiny counts: only proves that every part still runs (numbers are not meaningful). */
const QUICK: Omit<BenchConfig, "quick" | "write"> = {
  timing: { small: { warmup: 2, measured: 3 }, large: { warmup: 0, measured: 1 } },
  memory: { processes: 1, smallCalls: 2, largeCalls: 2 },
  requireRuns: 1,
  hostRuns: 1,
  latestRuns: 1,
  waitTrials: 100,
};

export const USAGE = `Usage: npm run bench -- [--quick] [--no-write]
  --quick     tiny iteration counts (a smoke test; the numbers mean nothing)
  --no-write  print the results but do not write BENCHMARKS.md`;

/** A bad command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export function parseFlags(argv: readonly string[]): BenchConfig | "help" {
  let quick = false;
  let write = true;
  for (const a of argv) {
    if (a === "--quick") quick = true;
    else if (a === "--no-write") write = false;
    else if (a === "--help" || a === "-h") return "help";
    else throw new UsageError(`unknown argument ${a}\n${USAGE}`);
  }
  return { quick, write, ...(quick ? QUICK : FULL) };
}
