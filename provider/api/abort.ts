/** Waiting that a signal can cut short. */
import { setTimeout as delay } from "node:timers/promises";

/**
 * Resolves after `ms`, or rejects as soon as `signal` fires. The timer keeps the process alive on
 * purpose: a gate waiting between polls must not let Node exit before it has a verdict.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal });
}
