/** Command-line flags and iteration counts. */

export interface BenchConfig {
  quick: boolean;
  write: boolean;
  /** Alternating rounds of whole-process runs (each round runs every contender once). */
  processRuns: number;
  /** In-process rounds: warm-up reads per contender (not counted), then measured reads. */
  timing: { small: { warmup: number; measured: number }; large: { warmup: number; measured: number } };
  /** Peak memory of the large read: fresh processes per contender, reads per process. */
  memory: { processes: number; calls: number };
  hostRuns: number;
  latestRuns: number;
}

/**
 * Full run. The small body's steady state is measured after 100 warm-up reads, about what a long wait
 * makes, not after the thousands it takes V8 to optimize every once-per-read function: that is the
 * state users see. The large body's calls are bimodal (a read does or does not pay for a scavenge), so
 * it gets enough rounds for a stable median.
 */
const FULL: Omit<BenchConfig, "quick" | "write"> = {
  processRuns: 21,
  timing: { small: { warmup: 100, measured: 600 }, large: { warmup: 2, measured: 60 } },
  memory: { processes: 3, calls: 4 },
  hostRuns: 3,
  latestRuns: 10,
};

/** Tiny counts: only proves that every part still runs (numbers are not meaningful). */
const QUICK: Omit<BenchConfig, "quick" | "write"> = {
  processRuns: 1,
  timing: { small: { warmup: 2, measured: 3 }, large: { warmup: 0, measured: 1 } },
  memory: { processes: 1, calls: 1 },
  hostRuns: 1,
  latestRuns: 1,
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
