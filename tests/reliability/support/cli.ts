/**
 * Runs the built command (`node bin/fgs-execution.js ...`) as a pipeline would, with exactly the given
 * environment (plus PATH), and collects its exit code and output.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "fgs-execution.js");

export interface CliRun {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Throws with the command to run when the build the CLI needs is missing. */
export function requireBuiltCli(): void {
  const main = path.join(ROOT, "dist", "provider", "cli", "main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npx tsc -p tsconfig.build.json" (npm test does it in pretest)`);
}

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`fgs-execution ${args.join(" ")} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ args, code, stdout, stderr });
    });
  });
}
