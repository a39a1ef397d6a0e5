/** Parent side of `emulator-process`: start it, query it, stop it. */
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { Connection } from "./contenders/types";

export interface BenchEmulator {
  conn: Connection;
  largeBytes: number;
  smallBytes: number;
  /** Requests by route since the last reset, and the first few non-200 answers (for diagnostics). */
  counts(): Promise<{ counts: Record<string, number>; failures: string[] }>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  const child: ChildProcess = fork(path.join(__dirname, "emulator-process.js"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: [],
  });
  let nextId = 1;
  const pending = new Map<number, (msg: Record<string, unknown>) => void>();
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`emulator process exited (${code}) before it was ready`)));
    child.on("message", (raw) => {
      const msg = raw as Record<string, unknown>;
      if (msg.ready) return resolve(msg.ready as Record<string, unknown>);
      const done = pending.get(msg.id as number);
      pending.delete(msg.id as number);
      done?.(msg);
    });
  });
  const info = await ready;
  const ask = (cmd: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ id, cmd });
    });
  return {
    conn: {
      url: info.url as string,
      projectId: info.projectId as string,
      credentials: info.credentials as Connection["credentials"],
    },
    largeBytes: info.largeBytes as number,
    smallBytes: info.smallBytes as number,
    async counts() {
      const msg = await ask("counts");
      return { counts: msg.counts as Record<string, number>, failures: msg.failures as string[] };
    },
    async reset() {
      await ask("reset");
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}
