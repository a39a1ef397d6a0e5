/**
 * Parent side of pulumi-probe: the serialized provider's size and the provider host's first-read latency.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import type { Connection, ExecutionRef } from "./contenders/types";
import type { ProbeResult } from "./pulumi-probe";
import { median } from "./stats";

export interface PulumiNumbers {
  providerChars: number;
  providerBytes: number;
  containsSecrets: boolean;
  hostRuns: number;
  startupMs: number;
  configureMs: number;
  firstReadMs: number;
  spawnToFirstReadMs: number;
  warmReadMs: number;
}

export function measurePulumi(conn: Connection, ref: ExecutionRef, hostRuns: number): Promise<PulumiNumbers> {
  const script = path.join(__dirname, "pulumi-probe.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, JSON.stringify({ conn, ref, hostRuns })],
      { cwd: path.resolve(__dirname, "../.."), maxBuffer: 16 * 1024 * 1024, timeout: 180_000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`pulumi probe failed: ${stderr || err.message}`));
        const r = JSON.parse(stdout.trim().split("\n").pop() as string) as ProbeResult;
        const m = (f: (h: ProbeResult["host"][number]) => number) => median(r.host.map(f));
        resolve({
          providerChars: r.provider.chars,
          providerBytes: r.provider.bytes,
          containsSecrets: r.provider.containsSecrets,
          hostRuns: r.host.length,
          startupMs: m((h) => h.startupMs),
          configureMs: m((h) => h.configureMs),
          firstReadMs: m((h) => h.firstReadMs),
          spawnToFirstReadMs: m((h) => h.spawnToFirstReadMs),
          warmReadMs: m((h) => h.warmReadMs),
        });
      },
    );
  });
}
