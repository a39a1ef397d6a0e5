/**
 * Counting unhandled promise rejections. Jest gives each test file its own `process` object, but Node
 * emits `unhandledRejection` on the real one; a function created in the outer realm (through a shared
 * global constructor) reaches it.
 */
function outerProcess(): NodeJS.Process {
  const OuterFunction = Object.getPrototypeOf(Buffer.alloc(0).toString).constructor as FunctionConstructor;
  return OuterFunction("return process")() as NodeJS.Process;
}

/** Starts counting; `stop()` waits a moment for late reports, detaches and returns what was seen. */
export function countUnhandledRejections(): { stop(settleMs?: number): Promise<unknown[]> } {
  const seen: unknown[] = [];
  const proc = outerProcess();
  const listener = (reason: unknown) => void seen.push(reason);
  proc.on("unhandledRejection", listener);
  return {
    async stop(settleMs = 100) {
      await new Promise((r) => setTimeout(r, settleMs));
      proc.off("unhandledRejection", listener);
      return seen;
    },
  };
}
