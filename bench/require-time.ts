/**
 * Time to `require` a package in a fresh Node process (module loading and top-level code only; Node's
 * own startup is not counted), several runs, median. The package is required by name from the
 * repository root, so it resolves through package.json `exports` to dist/, as for a consumer, and
 * outside any Pulumi program (no PULUMI_* variables). The first call after the require is timed too:
 * it shows what the lazy loading moved out of `require`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import type { Connection, ExecutionRef } from "./contenders/types";
import { median } from "./stats";

export interface RequireTime {
  module: string;
  runs: number[];
  medianMs: number;
  /** Median of the first getWorkflowExecution call right after the require (this package only). */
  firstCallMedianMs?: number;
}

const REPO_ROOT = path.resolve(__dirname, "../..");

function withoutPulumi(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("PULUMI_")) env[k] = v;
  return env;
}

function once(moduleId: string, call?: unknown): Promise<{ requireMs: number; firstCallMs?: number }> {
  const args = [path.join(__dirname, "require-child.js"), moduleId];
  if (call) args.push(JSON.stringify(call));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, env: withoutPulumi() }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`require ${moduleId} failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop() as string));
    });
  });
}

export async function measureRequire(moduleId: string, runs: number, call?: { conn: Connection; ref: ExecutionRef }): Promise<RequireTime> {
  const job = call && {
    args: {
      endpoint: call.conn.url,
      projectId: call.conn.projectId,
      credentials: call.conn.credentials,
      workflowId: call.ref.workflowId,
      executionId: call.ref.executionId,
    },
  };
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(moduleId, job));
  const firsts = results.map((r) => r.firstCallMs).filter((x): x is number => typeof x === "number");
  return {
    module: moduleId,
    runs: results.map((r) => r.requireMs),
    medianMs: median(results.map((r) => r.requireMs)),
    firstCallMedianMs: firsts.length ? median(firsts) : undefined,
  };
}
