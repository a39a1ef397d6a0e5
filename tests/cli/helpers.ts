/**
 * Helpers of the CLI tests: make sure the built command is current, run it as a child process against
 * the emulator, and check that no credential ever shows up in its output.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "fgs-workflow-gate/emulator";
import { CLI_SCENARIO } from "./scenario";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "fgs-execution.js");
/** What bin/fgs-execution.js loads: the bundle of the compiled CLI (scripts/bundle.js). */
const BUILT_MAIN = path.join(ROOT, "dist", "cli.js");
const LOCK = path.join(ROOT, "dist", ".cli-tests-build.lock");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    return statSync(BUILT_MAIN).mtimeMs >= newestSource(path.join(ROOT, "provider"));
  } catch {
    return false;
  }
}

/**
 * Builds with `tsc -p tsconfig.build.json` and bundles the CLI, unless dist/cli.js is newer than every
 * source (as after `npm test`'s pretest). A lock directory keeps parallel test files from building at the same time.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("timed out waiting for another test's build");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    // tsc still emits when a file elsewhere has type errors; what matters here is the CLI's output.
    if (!isFresh()) {
      spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
      spawnSync(process.execPath, [path.join(ROOT, "scripts", "bundle.js")], { cwd: ROOT });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  if (!isFresh()) throw new Error(`build did not produce a current ${BUILT_MAIN}`);
}

/** What a run of the command produced. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Called with each chunk of stderr (e.g. to send a signal once waiting has begun). */
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
  /** Options for node itself, before the script (e.g. `-r` a preload that simulates a fault). */
  nodeArgs?: string[];
}

/** Secrets that must never appear in any output; registered by `cliEnv`. */
const secrets = new Set<string>();

/**
 * Runs `node bin/fgs-execution.js ...args` with exactly `env` (plus PATH): nothing leaks in from the
 * developer's or the CI's environment (e.g. GITHUB_STEP_SUMMARY, HW_* keys).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      options.onStderr?.(d, child);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const leaked = [...secrets].some((s) => stdout.includes(s) || stderr.includes(s));
      if (leaked) reject(new Error(`a credential appeared in the output of fgs-execution ${args[0] ?? ""}`));
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Starts the emulator on a free port with the CLI scenario. */
export function startCliEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, scenario: CLI_SCENARIO });
}

/** The environment of a CI job pointed at the emulator (credentials, project, region). */
export function cliEnv(emu: RunningEmulator, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  secrets.add(emu.credentials.secretKey);
  return {
    HW_ACCESS_KEY: emu.credentials.accessKey,
    HW_SECRET_KEY: emu.credentials.secretKey,
    HW_PROJECT_ID: emu.projectId,
    HW_REGION_NAME: emu.region,
    ...extra,
  };
}

/** Registers another value that must never be printed. */
export function neverPrint(secret: string): void {
  secrets.add(secret);
}

/** `--workflow-id W --execution-id E --endpoint URL` for a run of the CLI scenario. */
export function target(emu: RunningEmulator, executionId: string): string[] {
  return ["--workflow-id", "wf-deploy", "--execution-id", executionId, "--endpoint", emu.url];
}
