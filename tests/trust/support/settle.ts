/**
 * Observing whether a promise settles, without letting a promise that never settles hang the test:
 * the outcome is reported as "pending" after a generous bound, and the test fails on that.
 */
export type Outcome<T> =
  | { state: "fulfilled"; value: T; ms: number }
  | { state: "rejected"; error: unknown; ms: number }
  | { state: "pending"; ms: number };

export async function settleWithin<T>(promise: Promise<T>, boundMs: number): Promise<Outcome<T>> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<"pending">((resolve) => (timer = setTimeout(() => resolve("pending"), boundMs)));
  try {
    const result = await Promise.race([
      promise.then(
        (value) => ({ state: "fulfilled" as const, value }),
        (error: unknown) => ({ state: "rejected" as const, error }),
      ),
      pending,
    ]);
    const ms = Date.now() - start;
    return result === "pending" ? { state: "pending", ms } : { ...result, ms };
  } finally {
    clearTimeout(timer);
  }
}

/** The error of a rejected outcome; fails the test with what happened instead. */
export function rejection<T>(o: Outcome<T>): Record<string, unknown> {
  if (o.state === "rejected") return o.error as Record<string, unknown>;
  if (o.state === "pending") throw new Error(`the call did not settle within ${o.ms} ms`);
  throw new Error(`the call succeeded (${o.ms} ms) where it had to fail`);
}

/**
 * True for an error of this library (its stable code starts with FGS_): a failure the gate reports,
 * as opposed to a crash or a success. Checked by code so the test does not depend on a guard's name.
 */
export function isLibraryError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("FGS_");
}
