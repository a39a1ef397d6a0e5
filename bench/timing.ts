/**
 * The timing loop: all contenders in one process, interleaved round-robin, so drift (CPU frequency, a noisy
 * neighbour, heap growth) affects every contender alike. The order of each round cycles through every
 * permutation (A,B,C; A,C,B; B,A,C; ...), so each contender follows each other one equally often: garbage
 * left by one contender and collected during the next call is spread evenly, not always charged to the
 * same neighbour.
 *
 * Garbage collection is left to V8, as in real use: forcing a full GC before each call (tried) shrinks the
 * young generation, which then made the next call slower by up to 2x on the small payload, a distortion
 * rather than a correction. Between calls the loop yields to the event loop once (setImmediate), so a
 * socket released by the previous response is back in the agent's pool, as it would be for any caller
 * that does not fire requests in the same tick. The result is checked after the clock stops, then dropped.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { performance } from "node:perf_hooks";
import type { Contender, ContenderId } from "./contenders/types";
import type { Payload } from "./scenario";

export interface TimingResult {
  payload: Payload;
  /** ms per call, in round order (index i of every contender belongs to round i). */
  samples: Record<ContenderId, number[]>;
  /** The warm-up rounds' ms per call, kept to show how the ratios settle while V8 optimizes each contender's code. */
  warmup: Record<ContenderId, number[]>;
  /** Sockets opened during each contender's calls (warm-up included); they share http.globalAgent, so 1 in total means one kept-alive connection served every call. */
  connections: Record<ContenderId, number>;
}

/** Every ordering of `n` items, in lexicographic order of indices. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let i = 0; i <= rest.length; i++) out.push([...rest.slice(0, i), n - 1, ...rest.slice(i)]);
  }
  return out.sort((a, b) => a.join().localeCompare(b.join()));
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function timePayload(
  contenders: readonly Contender[],
  payload: Payload,
  counts: { warmup: number; measured: number },
  onRound?: (round: number, total: number) => void,
): Promise<TimingResult> {
  const samples = Object.fromEntries(contenders.map((c) => [c.id, [] as number[]])) as Record<ContenderId, number[]>;
  const warmup = Object.fromEntries(contenders.map((c) => [c.id, [] as number[]])) as Record<ContenderId, number[]>;
  const connections = Object.fromEntries(contenders.map((c) => [c.id, 0])) as Record<ContenderId, number>;
  let current: ContenderId | undefined;
  const onSocket = () => {
    if (current) connections[current] += 1;
  };
  subscribe("net.client.socket", onSocket);
  try {
    const rounds = counts.warmup + counts.measured;
    const orders = permutations(contenders.length);
    for (let round = 0; round < rounds; round++) {
      for (const index of orders[round % orders.length] as number[]) {
        const c = contenders[index] as Contender;
        await yieldToLoop();
        current = c.id;
        const started = performance.now();
        let result: unknown = await c.call(payload.ref);
        const ms = performance.now() - started;
        current = undefined;
        c.check(result, payload.ref, payload.nodeExecutions);
        result = undefined;
        (round >= counts.warmup ? samples : warmup)[c.id].push(ms);
      }
      onRound?.(round + 1, rounds);
    }
  } finally {
    unsubscribe("net.client.socket", onSocket);
  }
  return { payload, samples, warmup, connections };
}
