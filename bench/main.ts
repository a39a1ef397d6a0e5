/**
 * `npm run bench` (node --expose-gc dist/bench/main.js [--quick] [--no-write]). Measures what users wait
 * for: whole processes making one read (the CLI, a bare signed fetch, the official SDK, a script that
 * requires this package), then, in one process, the small body after a short warm-up and the largest body
 * against the floor and the SDK, peak memory, the serialized Pulumi provider and its host's first Read.
 * Prints each target as met or missed with its ratio and writes BENCHMARKS.md. Progress goes to stderr,
 * the report to stdout.
 */
import { CONTENDER_IDS, createContender, type Contender, type ContenderId } from "./contenders";
import { USAGE, UsageError, parseFlags, type BenchConfig } from "./config";
import { startBenchEmulator, type BenchEmulator } from "./emulator-client";
import { measureLatest } from "./latest";
import { machineInfo } from "./machine";
import { measureMemory } from "./memory";
import { measureProcesses } from "./processes";
import { measurePulumi } from "./provider-size";
import { renderReport, writeReport, type BenchResults } from "./report";
import { FINAL_RUN, PAYLOADS } from "./scenario";
import { median } from "./stats";
import { evaluateTargets } from "./targets";
import { timePayload, type TimingResult } from "./timing";

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `work`, whose failure also says what the emulator saw (e.g. why it rejected a signature). */
async function explained<T>(emu: BenchEmulator, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const { failures } = await emu.counts().catch(() => ({ failures: [] as string[] }));
    throw new Error(`${errorText(e)}${failures.length ? `\nemulator answered: ${failures.join("; ")}` : ""}`);
  }
}

async function timeInProcess(emu: BenchEmulator, config: BenchConfig): Promise<TimingResult[]> {
  const contenders: Contender[] = CONTENDER_IDS.map((id) => createContender(id, emu.conn));
  const out: TimingResult[] = [];
  for (const payload of [PAYLOADS.small, PAYLOADS.large]) {
    const c = config.timing[payload.id];
    log(`in one process, ${payload.id} body: ${c.warmup} warm-up + ${c.measured} measured reads per contender`);
    out.push(await explained(emu, timePayload(contenders, payload, c)));
  }
  return out;
}

async function main(): Promise<void> {
  const config = parseFlags(process.argv.slice(2));
  if (config === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const machine = machineInfo();
  log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${config.quick ? " (quick run)" : ""}`);
  const emu = await startBenchEmulator();
  try {
    log(`emulator at ${emu.conn.url} (separate process)`);
    log(`whole processes: ${config.processRuns} alternating round(s)`);
    const onRound = (r: number) => log(`  round ${r}/${config.processRuns}`);
    const processes = await explained(emu, measureProcesses(emu.conn, FINAL_RUN, config.processRuns, undefined, onRound));
    const timing = await timeInProcess(emu, config);
    log(`peak memory of the largest read: ${config.memory.processes} process(es) per contender`);
    const memory = await measureMemory(emu.conn, CONTENDER_IDS, "large", config.memory);
    log(`serialized provider and provider host (${config.hostRuns} host(s))`);
    const hostRef = { workflowId: FINAL_RUN.workflowId, executionId: FINAL_RUN.executionId, fullHistory: false };
    const pulumi = await measurePulumi(emu.conn, hostRef, config.hostRuns).catch((e: unknown) => ({ error: errorText(e) }));
    if ("error" in pulumi) log(`provider measurement failed: ${pulumi.error}`);
    log(`latest-execution lookup over 1,000 runs: ${config.latestRuns} lookup(s) each way`);
    const latest = await measureLatest(emu, config.latestRuns).catch((e: unknown) => ({ error: errorText(e) }));

    const cpu = (id: keyof typeof processes) => median(processes[id].map((s) => s.cpuMs));
    const read = (t: TimingResult | undefined, c: ContenderId) => median(t?.samples[c] ?? []);
    const [small, large] = timing;
    const peak = (c: ContenderId) => {
      const m = memory.find((x) => x.contender === c);
      return { first: m?.firstPeak.median ?? Number.NaN, all: m?.peak.median ?? Number.NaN };
    };
    const targets = evaluateTargets({
      cpu: { cliGet: cpu("cliGet"), cliWait: cpu("cliWait"), package: cpu("package"), bare: cpu("bare") },
      small: { library: read(small, "library"), floor: read(small, "floor"), warmupReads: config.timing.small.warmup },
      large: { library: read(large, "library"), floor: read(large, "floor"), sdk: read(large, "sdk") },
      peakLibrary: peak("library"),
      peakSdk: peak("sdk"),
      callsPerProcess: config.memory.calls,
      providerBytes: "error" in pulumi ? undefined : pulumi.providerBytes,
    });
    const results: BenchResults = { config, machine, largeBytes: emu.largeBytes, smallBytes: emu.smallBytes, processes, timing, memory, pulumi, latest, targets };
    const text = renderReport(results);
    process.stdout.write(`${text}\n`);
    if (config.write) log(`wrote ${writeReport(text)}`);
    const missed = targets.filter((t) => !t.met);
    log(missed.length ? `targets missed: ${missed.map((t) => t.name).join("; ")}` : "all targets met");
  } finally {
    await emu.stop();
  }
}

main().catch((e) => {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
