/**
 * Two ways to run `fgs-execution`: in-process through `main(argv, io)` with captured streams (fast; for
 * what it prints), and as the real built command in a child process (for what only a process shows: its
 * exit code once the event loop empties). The child needs dist/ (`npm run build`; npm test's pretest).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { main } from "../../../provider/cli/main";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "fgs-execution.js");
const BUILT = path.join(ROOT, "dist", "provider", "cli", "main.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `main` in this process with exactly `env`. */
export async function runInProcess(argv: string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const start = Date.now();
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr, ms: Date.now() - start };
}

/** Runs `node bin/fgs-execution.js ...argv` with exactly `env` (plus PATH); killed after `killAfterMs`. */
export function runProcess(argv: string[], env: Record<string, string>, killAfterMs = 25_000): Promise<CliRun> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npx tsc -p tsconfig.build.json" (npm test's pretest builds it)`);
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
  });
}

/** `--workflow-id W --execution-id E` of the shared fixtures. */
export function target(executionId: string): string[] {
  return ["--workflow-id", "wf-trust", "--execution-id", executionId];
}
