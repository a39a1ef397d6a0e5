/**
 * The polling schedule: exponential growth from the minimum to the maximum interval, with jitter inside
 * that band, so many gates started together do not poll in lockstep.
 */
import type { WaitPolicy } from "./options";

/** Delay before poll `k + 1` (k = 0 after the first read): uniform in [min, min(max, min * 2^k)]. */
export function pollDelayMs(k: number, policy: WaitPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxIntervalMs, policy.minIntervalMs * 2 ** k);
  return Math.round(policy.minIntervalMs + random() * (ceiling - policy.minIntervalMs));
}
