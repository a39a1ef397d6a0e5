/**
 * Starts the real dynamic-provider host shipped in @pulumi/pulumi (what the engine runs as
 * `pulumi-resource-pulumi-nodejs`) and connects a gRPC client to it, as the engine does.
 */
import { spawn, type ChildProcess } from "child_process";
import { grpc, providerGrpc } from "./proto";
import { realProcess } from "./realProcess";

/** A running host and a client connected to it. */
export interface ProviderHost {
  port: number;
  /** Milliseconds from spawn to the port line on stdout. */
  startupMs: number;
  spawnedAt: number;
  /** Calls one ResourceProvider RPC; rejects with the gRPC error (`code`, `details`). */
  call<T = unknown>(method: string, request: unknown): Promise<T>;
  /** Everything the host wrote to stdout and stderr so far (the CLI shows both to users). */
  output(): string;
  kill(): void;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  running.delete(child);
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL"); // detached: the host leads its own process group
  } catch {
    // already gone
  }
}

// The host never exits on its own (its gRPC server keeps the loop alive): never leave one behind, even
// when a test file dies before its afterAll (the hook goes on the real process: see realProcess.ts).
realProcess().once("exit", () => [...running].forEach(killGroup));

/** Spawns `node <@pulumi/pulumi/cmd/dynamic-provider> 127.0.0.1:1` like the engine, and waits for its port. */
export async function startHost(options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ProviderHost> {
  const entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
  const spawnedAt = Date.now();
  // The engine address is required but never dialled by the host for resource operations.
  const child = spawn(process.execPath, [entry, "127.0.0.1:1"], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let text = "";
  child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`host did not print a port: ${text}`)), options.timeoutMs ?? 15000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      text += d.toString();
      const nl = out.indexOf("\n");
      if (nl >= 0 && out.slice(0, nl).trim() !== "") {
        clearTimeout(timer);
        resolve(Number(out.slice(0, nl).trim()));
      }
    });
    child.on("exit", (code) => reject(new Error(`host exited (${code}) before printing a port: ${text}`)));
  });
  const startupMs = Date.now() - spawnedAt;
  // A forgotten host must not keep the test process alive (its pipes would): the exit hook kills it.
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  (child.stderr as unknown as { unref(): void }).unref();
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    port,
    startupMs,
    spawnedAt,
    call: <T>(method: string, request: unknown) =>
      new Promise<T>((resolve, reject) =>
        client[method](request, (err: unknown, res: T) => (err ? reject(err) : resolve(res))),
      ),
    output: () => text,
    kill: () => {
      client.close();
      killGroup(child);
    },
  };
}
