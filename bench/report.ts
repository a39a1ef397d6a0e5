/** The results as Markdown: printed by `npm run bench` and written to BENCHMARKS.md. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BenchConfig } from "./config";
import type { ContenderId } from "./contenders/types";
import type { LatestCase } from "./latest";
import type { MachineInfo } from "./machine";
import type { MemoryResult, Spread } from "./memory";
import { PROCESS_IDS, PROCESS_LABELS, type ProcessResults } from "./processes";
import type { PulumiNumbers } from "./provider-size";
import { median, summarize } from "./stats";
import type { TargetResult } from "./targets";
import type { TimingResult } from "./timing";

export interface BenchResults {
  config: BenchConfig;
  machine: MachineInfo;
  smallBytes: number;
  largeBytes: number;
  processes: ProcessResults;
  timing: TimingResult[];
  memory: MemoryResult[];
  pulumi: PulumiNumbers | { error: string };
  latest: LatestCase[] | { error: string };
  targets: TargetResult[];
}

export const BENCHMARKS_FILE = path.resolve(__dirname, "../../BENCHMARKS.md");

const CONTENDERS: ContenderId[] = ["library", "sdk", "floor"];
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const ratio = (v: number) => `${v.toFixed(2)}x`;
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
const range = (x: Spread) => `${mib(x.median)} (${mib(x.min)} – ${mib(x.max)})`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function targetTable(r: BenchResults): string {
  return table(
    ["target", "measured", "limit", "result"],
    r.targets.map((t) => [t.name, t.measured, t.limit, t.met ? "met" : "**MISSED**"]),
  );
}

function processTable(r: BenchResults): string {
  const bare = median(r.processes.bare.map((s) => s.cpuMs));
  const rows = PROCESS_IDS.map((id) => {
    const cpu = summarize(r.processes[id].map((s) => s.cpuMs));
    const wall = median(r.processes[id].map((s) => s.wallMs));
    const rss = median(r.processes[id].map((s) => s.maxRssMiB));
    return [PROCESS_LABELS[id], ms(cpu.median), `${ms(cpu.p10)} – ${ms(cpu.p90)}`, ratio(cpu.median / bare), ms(wall), rss.toFixed(1), String(cpu.n)];
  });
  return table(["one read of a small, final run, whole process", "CPU ms (median)", "CPU p10 – p90", "vs bare", "wall ms", "peak RSS MiB", "runs"], rows);
}

function timingTable(r: BenchResults): string {
  const rows: string[][] = [];
  for (const t of r.timing) {
    const s = Object.fromEntries(CONTENDERS.map((c) => [c, summarize(t.samples[c])])) as Record<ContenderId, ReturnType<typeof summarize>>;
    for (const c of CONTENDERS) {
      const cells = [ms(s[c].median), `${ms(s[c].p10)} – ${ms(s[c].p90)}`, String(s[c].n), ratio(s[c].median / s.floor.median), ratio(s[c].median / s.sdk.median)];
      rows.push([t.payload.id, c, ...cells, String(t.connections[c])]);
    }
  }
  return table(["body", "contender", "ms per read (median)", "p10 – p90", "reads", "vs floor", "vs SDK", "TCP connections opened"], rows);
}

/** The first reads of each contender in one process, before and during warm-up. */
function firstReads(r: BenchResults): string {
  const small = r.timing[0];
  if (!small) return "";
  const first = (c: ContenderId) => [...small.warmup[c], ...small.samples[c]].slice(0, 3).map(ms).join(", ");
  return CONTENDERS.map((c) => `- ${c}: ${first(c)} ms`).join("\n");
}

function memoryTable(r: BenchResults): string {
  const rows = r.memory.map((m) => [m.contender, mib(m.baselineRss), range(m.firstPeak), range(m.peak), mib(m.retainedHeap)]);
  const calls = r.memory[0]?.callsPerProcess ?? 0;
  return table(["contender", "baseline RSS MiB", "peak RSS MiB, first read", `peak RSS MiB, ${calls} reads`, "result heap MiB"], rows);
}

function pulumiTable(r: BenchResults): string {
  if ("error" in r.pulumi) return `Not measured: ${r.pulumi.error.split("\n")[0]}`;
  const p = r.pulumi;
  return table(
    ["measurement", "value", "notes"],
    [
      ["serialized dynamic provider", `${p.providerBytes} bytes`, `serializeFunction(() => provider, { allowSecrets: true }); contains secrets: ${p.containsSecrets}`],
      ["provider host startup", `${ms(p.startupMs)} ms`, "spawn of @pulumi/pulumi's dynamic-provider host until it prints its port"],
      ["provider host first Read", `${ms(p.firstReadMs)} ms`, `deserializes the provider, loads fgs-workflow-gate/runtime, one signed read; ${ms(p.spawnToFirstReadMs)} ms from spawn; median of ${p.hostRuns}`],
      ["provider host second Read", `${ms(p.warmReadMs)} ms`, "same host"],
    ],
  );
}

function latestTable(r: BenchResults): string {
  if ("error" in r.latest) return `Not measured: ${r.latest.error.split("\n")[0]}`;
  const rows = r.latest.map((l) => {
    const routes = Object.entries(l.requests).map(([k, v]) => `${k} ${v}`).join(", ");
    return [`latest over 1,000 runs by ${l.by}`, `${l.totalRequests} requests`, `${ms(l.ms.median)} ms`, routes];
  });
  return table(["lookup", "requests", "median", "requests by route"], rows);
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const c = r.config;
  return `# Benchmarks

Generated by \`npm run bench\` (bench/main.ts) on ${m.date}; do not edit by hand.${c.quick ? "\n\n**Quick run (--quick): tiny iteration counts, the numbers are not meaningful.**" : ""}

- ${m.os}; CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; 1-minute load average at start ${m.loadAverage}
- Node ${m.node} (V8 ${m.v8}); commit ${m.commit}
- ${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(", ")}

## Targets

${targetTable(r)}

## One read, whole process

What a CI step pays: a fresh \`node\` process reads one small run that is already final (the emulator's
\`exec-success\`) and exits. Medians of ${c.processRuns} alternating runs; CPU is user + system time of the
child; environment as a CI runner starts it (no \`NODE_OPTIONS\`, no \`NODE_EXTRA_CA_CERTS\`).

${processTable(r)}

## In one process

**library** = \`getWorkflowExecution\` (sign, fetch, JSON.parse, schema validation, typed mapping); **sdk** =
Huawei's SDK \`showWorkflowExecution\`; **floor** = node-fetch GET signed inline with node:crypto, then JSON.parse.
The small body (${r.smallBytes} bytes) after ${c.timing.small.warmup} warm-up reads per contender; the largest body
(200 nodes × 200 executions with full history, ${(r.largeBytes / 1e6).toFixed(2)} MB) after ${c.timing.large.warmup}.

${timingTable(r)}

First three reads of the small body in this process (the library's first read includes loading its modules):

${firstReads(r)}

## Peak memory of the largest read

Each contender in fresh processes of its own (bench/worker.ts), warmed up on the small body, then
${c.memory.calls} read(s) of the largest body; medians of ${c.memory.processes} process(es), range in parentheses.

${memoryTable(r)}

## Pulumi

${pulumiTable(r)}

## Latest-run lookup

${latestTable(r)}

## Method

- The emulator (emulator/) runs in a separate process on 127.0.0.1 with throttling off and serves both bodies pre-serialized; it verifies every signature, the SDK's included.
- Whole processes: bench/processes.ts spawns \`node --require bench/child/cpu-report.js <entry>\`; the preloaded module writes \`process.resourceUsage()\` at exit to a pipe of its own (microsecond CPU accounting). Round i runs every contender once, in an order that rotates each round. The CLI is run as \`bin/fgs-execution.js\` with credentials, project ID and endpoint in the environment.
- In one process: the three contenders take turns round-robin through every order; the SDK and the floor use Node's keep-alive \`http.globalAgent\`, the library whatever its transport chooses ("TCP connections opened" counts the sockets each contender opened, warm-up included, through the \`net.client.socket\` diagnostics channel); garbage collection is left to V8; each result is checked after the clock stops.
- Peak memory: the kernel's RSS high-water mark (VmHWM) where available.
- Serialized provider: \`pulumi.runtime.serializeFunction\` as \`pulumi.dynamic.Resource\` builds \`__provider\`. Host: the real dynamic-provider host of @pulumi/pulumi driven over gRPC (tests/pulumi/harness).
`;
}

export function writeReport(text: string): string {
  fs.writeFileSync(BENCHMARKS_FILE, text);
  return BENCHMARKS_FILE;
}
