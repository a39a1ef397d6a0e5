/**
 * A simulated GitHub Actions runner for the action's entry: runs `node action/dist/index.js` (the file
 * `uses:` runs) with `INPUT_*` variables, and `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files it reads back.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const ENTRY = path.join(ROOT, "action", "dist", "index.js");

/** What a step produced. */
export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses a GITHUB_OUTPUT file: `name<<DELIMITER`, lines, `DELIMITER` (the only form the action writes). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z0-9_-]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) {
      if (lines[i] !== "") throw new Error(`unexpected line in GITHUB_OUTPUT: ${lines[i]}`);
      continue;
    }
    const end = lines.indexOf(m[2] as string, i + 1);
    if (end < 0) throw new Error(`no closing delimiter for ${m[1]}`);
    outputs[m[1] as string] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}

/** `{ "workflow-id": "w" }` → `{ "INPUT_WORKFLOW-ID": "w" }`, as the runner names them. */
export function inputEnv(inputs: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
}

/** Runs the action's entry as a step with `inputs` and `env` (plus PATH only). */
export function runStep(inputs: Record<string, string>, env: NodeJS.ProcessEnv, onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void): Promise<StepResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "fgs-action-"));
  const outputFile = path.join(dir, "output");
  const summaryFile = path.join(dir, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const childEnv = { PATH: process.env.PATH, ...env, ...inputEnv(inputs), GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY], { cwd: dir, env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      onStderr?.(d, (s) => child.kill(s));
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        resolve({ code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, "utf8")), summary: readFileSync(summaryFile, "utf8") });
      } catch (e) {
        reject(e);
      }
    });
  });
}
