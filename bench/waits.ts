/**
 * Requests a wait makes with the default settings, for a run that becomes final 10 s, 60 s and 10 min
 * after the first read. No waiting: the poll loop of provider/gate/wait.ts is replayed on a virtual clock
 * with the library's own schedule (`pollDelayMs`) and defaults (`normalizeGate({ waitForCompletion: true })`,
 * i.e. WAIT_DEFAULTS). Reads are taken to be instantaneous; real read latency only lowers the counts.
 *
 * Reported: the count with every jitter draw at its mean (random = 0.5), the mean over many seeded random
 * schedules, and the extremes: random = 0 always gives the shortest delays (most requests), random = 1
 * the longest (fewest). Also how long after the run ended the gate saw it.
 */
import { normalizeGate, WAIT_DEFAULTS, type WaitPolicy } from "../provider/gate/options";
import { pollDelayMs } from "../provider/gate/schedule";

export interface WaitCase {
  finishSeconds: number;
  /** Requests with every jitter draw at its mean. */
  atMean: number;
  /** Mean over `trials` random schedules. */
  mean: number;
  /** Fewest (random = 1) and most (random = 0) requests. */
  min: number;
  max: number;
  /** Seconds between the run becoming final and the read that saw it, at the mean schedule. */
  lagSecondsAtMean: number;
  /** True when the wait's timeout ends the wait (no read at or after the finish). */
  timedOut: boolean;
}

export interface WaitReport {
  defaults: typeof WAIT_DEFAULTS;
  trials: number;
  cases: WaitCase[];
}

/** Replays wait.ts's loop; returns the reads made and the time of the last one. */
export function simulateWait(policy: WaitPolicy, finishMs: number, random: () => number): { polls: number; lastReadMs: number; sawFinal: boolean } {
  let now = 0;
  const endAt = policy.timeoutMs;
  let polls = 0;
  for (let k = 0; ; k++) {
    polls++;
    if (now >= finishMs) return { polls, lastReadMs: now, sawFinal: true };
    const remaining = endAt - now;
    if (remaining <= 0) return { polls, lastReadMs: now, sawFinal: false };
    now += Math.min(pollDelayMs(k, policy, random), remaining);
  }
}

/** A small seeded PRNG (mulberry32), so the mean is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function measureWaits(trials: number, finishSeconds: readonly number[] = [10, 60, 600]): WaitReport {
  const policy = normalizeGate({ waitForCompletion: true }).wait as WaitPolicy;
  const cases = finishSeconds.map((s) => {
    const finishMs = s * 1000;
    const atMean = simulateWait(policy, finishMs, () => 0.5);
    const random = seeded(0x5eed + s);
    let sum = 0;
    for (let i = 0; i < trials; i++) sum += simulateWait(policy, finishMs, random).polls;
    return {
      finishSeconds: s,
      atMean: atMean.polls,
      mean: sum / trials,
      min: simulateWait(policy, finishMs, () => 1).polls,
      max: simulateWait(policy, finishMs, () => 0).polls,
      lagSecondsAtMean: (atMean.lastReadMs - finishMs) / 1000,
      timedOut: !atMean.sawFinal,
    };
  });
  return { defaults: { ...WAIT_DEFAULTS }, trials, cases };
}
