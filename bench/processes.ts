/**
 * Whole processes, as users run them: each contender is a fresh `node` process that makes one signed read
 * of the small run and exits. Children start with a clean environment, as a CI runner starts them (PATH,
 * HOME and the connection variables only: no NODE_OPTIONS, no NODE_EXTRA_CA_CERTS, which alone adds about
 * 45 ms of CPU to every Node process). CPU is user + system time from the child's own
 * `process.resourceUsage()` at exit (child/cpu-report.ts). The contenders alternate: run i of every
 * contender happens before run i + 1 of any, in an order that rotates each round.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { Connection, ExecutionRef } from "./contenders/types";

export type ProcessId = "cliGet" | "cliWait" | "bare" | "sdk" | "package";

export const PROCESS_IDS: readonly ProcessId[] = ["cliGet", "cliWait", "bare", "sdk", "package"];

export const PROCESS_LABELS: Record<ProcessId, string> = {
  cliGet: "`fgs-execution get --output json`",
  cliWait: "`fgs-execution wait --require success` (run already final)",
  bare: "bare script: require node-fetch, sign with node:crypto, GET, JSON.parse",
  sdk: "Huawei's official SDK: load, build a client, showWorkflowExecution",
  package: 'require("fgs-workflow-gate") + one getWorkflowExecution',
};

/** One finished child. */
export interface ProcessSample {
  cpuMs: number;
  wallMs: number;
  maxRssMiB: number;
}

export type ProcessResults = Record<ProcessId, ProcessSample[]>;

const REPO_ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(REPO_ROOT, "bin", "fgs-execution.js");
const CPU_REPORT = path.join(__dirname, "child", "cpu-report.js");

/** The environment of every child: what a CI job that reads one run would set, nothing else. */
export function cleanEnv(conn: Connection): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HW_ACCESS_KEY: conn.credentials.accessKey,
    HW_SECRET_KEY: conn.credentials.secretKey,
    HW_PROJECT_ID: conn.projectId,
    HW_FUNCTIONGRAPH_ENDPOINT: conn.url,
  };
  if (process.env.PATH) env.PATH = process.env.PATH;
  if (process.env.HOME) env.HOME = process.env.HOME;
  return env;
}

function argsOf(id: ProcessId, conn: Connection, ref: ExecutionRef): string[] {
  const ids = ["--workflow-id", ref.workflowId, "--execution-id", ref.executionId];
  const job = JSON.stringify({ conn, ref });
  switch (id) {
    case "cliGet":
      return [CLI, "get", ...ids, "--output", "json"];
    case "cliWait":
      return [CLI, "wait", ...ids, "--require", "success", "--output", "json"];
    case "bare":
      return [path.join(__dirname, "child", "bare-read.js"), job];
    case "sdk":
      return [path.join(__dirname, "child", "sdk-read.js"), job];
    case "package":
      return [path.join(__dirname, "child", "package-read.js"), job];
  }
}

/** Runs one contender once; rejects when the child fails, so a fast wrong answer never counts. */
export function runProcess(id: ProcessId, conn: Connection, ref: ExecutionRef): Promise<ProcessSample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", CPU_REPORT, ...argsOf(id, conn, ref)], {
      cwd: REPO_ROOT,
      env: cleanEnv(conn),
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    let stderr = "";
    let report = "";
    child.stdout?.resume(); // read and dropped, as a pipe to `jq` would be
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => (report += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0 || report === "") return reject(new Error(`${id} exited with ${code}: ${stderr.trim().slice(0, 500)}`));
      const r = JSON.parse(report) as { cpuUs: number; maxRssKb: number };
      resolve({ cpuMs: r.cpuUs / 1000, wallMs, maxRssMiB: r.maxRssKb / 1024 });
    });
  });
}

/** `runs` alternating rounds of every contender; the order rotates each round. */
export async function measureProcesses(
  conn: Connection,
  ref: ExecutionRef,
  runs: number,
  ids: readonly ProcessId[] = PROCESS_IDS,
  onRound?: (round: number) => void,
): Promise<ProcessResults> {
  const out = Object.fromEntries(ids.map((id) => [id, [] as ProcessSample[]])) as ProcessResults;
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[(round + k) % ids.length] as ProcessId;
      out[id].push(await runProcess(id, conn, ref));
    }
    onRound?.(round + 1);
  }
  return out;
}
