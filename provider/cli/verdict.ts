/**
 * No exit without a verdict. When Node's event loop empties while `main()` is still pending (a read
 * that nothing will ever settle: a library bug, a stream that never ends), Node ends the process with
 * code 0, the one answer a deployment gate must never give by accident. The guard keeps the exit code
 * at 3 until `main()` settles, and restores it at exit (so even a stray `process.exit(0)` ends with 3);
 * it then says on stderr why the process ended without a verdict.
 */
import { ExitCodes } from "./exitCodes";

/** The part of `process` the guard uses (a fake in tests). */
export interface GuardedProcess {
  exitCode?: number | string | null | undefined;
  on(event: "exit", listener: () => void): unknown;
}

/** Written when the process ends while the command is undecided. */
export const NO_VERDICT_LINE =
  "fgs-execution: FGS_NO_VERDICT: the command ended without a result (nothing was left to wait for, " +
  "yet the read or wait had not finished): treat this as a failure\n";

/** Reports how the command ended; the first call wins. */
export interface VerdictGuard {
  /** `main()` resolved with this exit code. */
  settle(code: number): void;
  /** Output was lost (a stream error other than EPIPE): whatever main returns, the exit code is 3. */
  outputLost(): void;
}

/**
 * Arms the guard on `proc`: its exit code is 3 from now on, replaced only by `settle`. `write` is called
 * from the `exit` event, so it must write synchronously (stderr on a file, pipe or terminal does).
 */
export function guardVerdict(proc: GuardedProcess, write: (text: string) => void): VerdictGuard {
  let settled = false;
  let lost = false;
  proc.exitCode = ExitCodes.api;
  proc.on("exit", () => {
    if (settled) return;
    proc.exitCode = ExitCodes.api;
    try {
      write(NO_VERDICT_LINE);
    } catch {
      // stderr is gone: the exit code alone says it.
    }
  });
  return {
    settle(code) {
      if (settled) return;
      settled = true;
      proc.exitCode = lost ? ExitCodes.api : code;
    },
    outputLost() {
      lost = true;
      proc.exitCode = ExitCodes.api;
    },
  };
}
