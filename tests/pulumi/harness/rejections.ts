import { realProcess } from "./realProcess";

/**
 * Collects unhandled promise rejections while a callback runs. The Pulumi SDK deliberately leaves a failed
 * resource operation's rejection unhandled: that is what makes the language host fail `pulumi up`. Under
 * Jest that rejection would fail the running test, so tests that expect a step to fail collect it here
 * (and can assert on it) instead.
 */
export async function collectUnhandledRejections<T>(
  run: () => Promise<T>,
  settleMs = 200,
): Promise<{ result: T; rejections: unknown[] }> {
  const rejections: unknown[] = [];
  const process = realProcess();
  const previous = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  const collect = (reason: unknown) => void rejections.push(reason);
  process.on("unhandledRejection", collect);
  try {
    const result = await run();
    // Rejections are reported after the microtask queue drains; give them a moment to arrive.
    await new Promise((r) => setTimeout(r, settleMs));
    return { result, rejections };
  } finally {
    process.off("unhandledRejection", collect);
    for (const l of previous) process.on("unhandledRejection", l as (...args: unknown[]) => void);
  }
}
