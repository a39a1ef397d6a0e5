/**
 * `npm run bench` (node --expose-gc dist/bench/main.js [--quick] [--no-write]): measures this package
 * against Huawei's official SDK and against the floor (a bare signed GET + JSON.parse), plus require time,
 * the serialized provider, the provider host's first read, wait request counts and the latest lookup;
 * prints the results with each target met or missed and writes BENCHMARKS.md. Progress goes to stderr,
 * the report to stdout.
 */
import * as http from "node:http";
import { CONTENDER_IDS, createContender, type Contender, type ContenderId } from "./contenders";
import { USAGE, UsageError, parseFlags } from "./config";
import { startBenchEmulator, type BenchEmulator } from "./emulator-client";
import { measureLatest } from "./latest";
import { machineInfo } from "./machine";
import { measureMemory, type MemoryResult } from "./memory";
import { measurePulumi } from "./provider-size";
import { renderReport, writeReport, type BenchResults } from "./report";
import { measureRequire } from "./require-time";
import { PAYLOADS } from "./scenario";
import { median } from "./stats";
import { evaluateTargets } from "./targets";
import { timePayload, type TimingResult } from "./timing";
import { measureWaits } from "./waits";

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Adds what the emulator saw (e.g. why it rejected a signature) to a failed call's error. */
async function explain(emu: BenchEmulator, e: unknown): Promise<Error> {
  const { failures } = await emu.counts().catch(() => ({ failures: [] as string[] }));
  return new Error(`${errorText(e)}${failures.length ? `\nemulator answered: ${failures.join("; ")}` : ""}`);
}

async function main(): Promise<void> {
  const config = parseFlags(process.argv.slice(2));
  if (config === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const agent = http.globalAgent as http.Agent & { keepAlive?: boolean };
  if (agent.keepAlive !== true) log("warning: http.globalAgent does not keep connections alive; every contender pays a connect per call");

  const machine = machineInfo();
  log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${config.quick ? " (quick run)" : ""}`);
  const emu = await startBenchEmulator();
  try {
    log(`emulator at ${emu.conn.url} (separate process); large body ${(emu.largeBytes / 1e6).toFixed(2)} MB`);
    const contenders: Contender[] = CONTENDER_IDS.map((id) => createContender(id, emu.conn));
    const labels = Object.fromEntries(contenders.map((c) => [c.id, c.label])) as Record<ContenderId, string>;

    const timing: TimingResult[] = [];
    for (const payload of [PAYLOADS.small, PAYLOADS.large]) {
      const counts = config.timing[payload.id];
      log(`timing ${payload.id}: ${counts.warmup} warm-up + ${counts.measured} measured rounds of ${contenders.length} contenders`);
      const every = Math.max(1, Math.round((counts.warmup + counts.measured) / 10));
      try {
        timing.push(
          await timePayload(contenders, payload, counts, (round, total) => {
            if (round % every === 0 || round === total) log(`  ${payload.id}: round ${round}/${total}`);
          }),
        );
      } catch (e) {
        throw await explain(emu, e);
      }
    }

    const memory: MemoryResult[] = [];
    for (const payload of [PAYLOADS.small, PAYLOADS.large]) {
      const calls = payload.id === "small" ? config.memory.smallCalls : config.memory.largeCalls;
      log(`peak memory ${payload.id}: ${config.memory.processes} process(es) per contender, ${calls} call(s) each`);
      memory.push(...(await measureMemory(emu.conn, CONTENDER_IDS, payload.id, { processes: config.memory.processes, calls })));
    }
    const memoryMethod = memory[0]?.method ?? "";

    log(`require time: ${config.requireRuns} fresh process(es) each`);
    const requireLibrary = await measureRequire("fgs-workflow-gate", config.requireRuns, { conn: emu.conn, ref: PAYLOADS.small.ref });
    const requireSdk = await measureRequire("@huaweicloud/huaweicloud-sdk-functiongraph", config.requireRuns);

    log(`serialized provider and provider host (${config.hostRuns} host(s))`);
    const hostRef = { workflowId: PAYLOADS.large.ref.workflowId, executionId: "exec-success", fullHistory: false };
    const pulumi = await measurePulumi(emu.conn, hostRef, config.hostRuns).catch((e: unknown) => ({ error: errorText(e) }));
    if ("error" in pulumi) log(`provider measurement failed: ${pulumi.error}`);

    log("wait request counts (simulated)");
    const waits = measureWaits(config.waitTrials);

    log(`latest-execution lookup over 1,000 runs: ${config.latestRuns} lookup(s) each way`);
    const latest = await measureLatest(emu, config.latestRuns).catch((e: unknown) => ({ error: errorText(e) }));
    if ("error" in latest) log(`latest lookup failed: ${latest.error}`);

    const med = (t: TimingResult | undefined, c: ContenderId) => median(t?.samples[c] ?? []);
    const [small, large] = timing;
    const peak = (c: ContenderId) => {
      const m = memory.find((x) => x.payload === "large" && x.contender === c);
      return { first: m?.firstPeak.median ?? Number.NaN, all: m?.peak.median ?? Number.NaN };
    };
    const targets = evaluateTargets({
      smallVsFloor: med(small, "library") / med(small, "floor"),
      smallVsSdk: med(small, "library") / med(small, "sdk"),
      largeVsFloor: med(large, "library") / med(large, "floor"),
      largeVsSdk: med(large, "library") / med(large, "sdk"),
      largePeakLibrary: peak("library"),
      largePeakSdk: peak("sdk"),
      largeCallsPerProcess: config.memory.largeCalls,
      requireMs: requireLibrary.medianMs,
      providerChars: "error" in pulumi ? undefined : pulumi.providerChars,
    });

    const results: BenchResults = {
      quick: config.quick,
      machine,
      payloadBytes: { small: emu.smallBytes, large: emu.largeBytes },
      labels,
      timing,
      memory,
      memoryMethod,
      requireLibrary,
      requireSdk,
      pulumi,
      waits,
      latest,
      targets,
    };
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
