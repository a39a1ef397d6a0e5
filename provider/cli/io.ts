/**
 * The command's view of the outside world, injectable so tests can run `main` in-process with fake
 * streams, a fake terminal and a fake environment.
 */

/** A stream the CLI writes text to. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * How a command ended, for a caller that reports it in its own form (the GitHub Action's outputs).
 * Values come from the service or the library and are scrubbed of the environment's credentials, but
 * not made safe for any format: the caller does that.
 */
export interface CommandResult {
  exitCode: number;
  /** The `FGS_*` code of the error or gate verdict; absent when the command succeeded. */
  code?: string;
  /** The run read, gated or started, when there was one. */
  executionId?: string;
  status?: string;
  /** Why the command did not succeed (the gate's verdict or the error); "" on success. */
  reason: string;
}

/** Everything `main` reads or writes besides the network. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** The environment (credentials, region, GITHUB_STEP_SUMMARY, NO_COLOR...). */
  env: NodeJS.ProcessEnv;
  /** stdout is a terminal: enables color in the table. Default: `process.stdout.isTTY`. */
  stdoutIsTTY?: boolean;
  /** stderr is a terminal: enables the live progress line. Default: `process.stderr.isTTY`. */
  stderrIsTTY?: boolean;
  /** Fires on SIGINT/SIGTERM: cancels the read or wait, and the command exits 130. */
  signal?: AbortSignal;
  /** Clock for the live progress line. Default `Date.now`. */
  now?: () => number;
  /** Told once how the command ended (not for --help or --version). */
  onResult?: (result: CommandResult) => void;
}

/** The real process's streams and environment. */
export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    signal,
  };
}

/** Color only on a terminal, and never with NO_COLOR (https://no-color.org: any non-empty value) or TERM=dumb. */
export function useColor(io: CliIo): boolean {
  return io.stdoutIsTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}
