/**
 * Child-process entry: runs the emulator with the benchmark scenario, outside the measured process, so
 * the server's CPU work, allocations and garbage collection never land on a contender's clock or heap.
 *
 * IPC protocol (parent -> child): `{ id, cmd: "counts" | "reset" }`; the child answers `{ id, counts }`
 * (requests by route since the last reset) or `{ id }`. It first sends `{ ready: {...} }`, and exits
 * when the parent disconnects.
 */
import { startEmulator } from "../emulator";
import { buildScenario } from "./scenario";

async function main(): Promise<void> {
  if (!process.send) throw new Error("emulator-process must be started with an IPC channel (child_process.fork)");
  const built = buildScenario();
  const emulator = await startEmulator({ port: 0, scenario: built.scenario, throttle: false });
  process.on("message", (raw) => {
    const msg = raw as { id: number; cmd: string };
    if (msg.cmd === "counts") {
      const counts: Record<string, number> = {};
      for (const r of emulator.requests) counts[r.route] = (counts[r.route] ?? 0) + 1;
      const failures = emulator.requests.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.route} ${r.authFailure ?? ""}`.trim());
      process.send?.({ id: msg.id, counts, failures: failures.slice(0, 5) });
    } else if (msg.cmd === "reset") {
      emulator.reset();
      process.send?.({ id: msg.id });
    }
  });
  process.on("disconnect", () => void emulator.close().then(() => process.exit(0)));
  process.send({
    ready: {
      url: emulator.url,
      projectId: emulator.projectId,
      credentials: emulator.credentials,
      largeBytes: built.largeBytes,
      smallBytes: built.smallBytes,
    },
  });
}

main().catch((e) => {
  process.stderr.write(`emulator-process: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
