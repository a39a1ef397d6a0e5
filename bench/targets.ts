/** The targets of the performance issue, each evaluated to met or missed from the measurements. */

export interface TargetResult {
  name: string;
  measured: string;
  limit: string;
  met: boolean;
}

export const LIMITS = {
  cliVsBare: 1.25,
  packageVsBare: 1.3,
  /** After at most 100 warm-up reads (bench/config.ts). */
  smallVsFloor: 1.3,
  largeVsFloor: 1.3,
  largeVsSdk: 0.8,
  providerBytes: 8 * 1024,
} as const;

export interface TargetInputs {
  /** Whole processes: median CPU ms of each, same alternating run. */
  cpu: { cliGet: number; cliWait: number; package: number; bare: number };
  /** In one process: median ms per read. */
  small: { library: number; floor: number; warmupReads: number };
  large: { library: number; floor: number; sdk: number };
  /** Process peak RSS of the large read (first read and over all reads of a process), bytes. */
  peakLibrary: { first: number; all: number };
  peakSdk: { first: number; all: number };
  callsPerProcess: number;
  /** Undefined when the provider could not be serialized. */
  providerBytes?: number;
}

const x = (r: number) => `${r.toFixed(2)}x`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;

function ratioTarget(name: string, a: number, b: number, what: string, limit: number): TargetResult {
  const r = a / b;
  return { name, measured: `${x(r)} (${what})`, limit: `<= ${x(limit)}`, met: r <= limit };
}

export function evaluateTargets(i: TargetInputs): TargetResult[] {
  const { cpu, small, large } = i;
  return [
    ratioTarget("one-shot fgs-execution get vs bare script, CPU", cpu.cliGet, cpu.bare, `${ms(cpu.cliGet)} vs ${ms(cpu.bare)}`, LIMITS.cliVsBare),
    ratioTarget("one-shot fgs-execution wait (final run) vs bare script, CPU", cpu.cliWait, cpu.bare, `${ms(cpu.cliWait)} vs ${ms(cpu.bare)}`, LIMITS.cliVsBare),
    ratioTarget("fresh process: require + one read vs bare script, CPU", cpu.package, cpu.bare, `${ms(cpu.package)} vs ${ms(cpu.bare)}`, LIMITS.packageVsBare),
    ratioTarget("small body, steady state vs floor", small.library, small.floor, `${ms(small.library)} vs ${ms(small.floor)}, after ${small.warmupReads} warm-up reads`, LIMITS.smallVsFloor),
    ratioTarget("largest body vs floor", large.library, large.floor, `${ms(large.library)} vs ${ms(large.floor)}`, LIMITS.largeVsFloor),
    ratioTarget("largest body vs SDK", large.library, large.sdk, `${ms(large.library)} vs ${ms(large.sdk)}`, LIMITS.largeVsSdk),
    {
      name: "largest body peak RSS vs SDK",
      measured: `first read ${mib(i.peakLibrary.first)} vs ${mib(i.peakSdk.first)}; over ${i.callsPerProcess} reads ${mib(i.peakLibrary.all)} vs ${mib(i.peakSdk.all)}`,
      limit: "<= SDK's (both)",
      met: i.peakLibrary.first <= i.peakSdk.first && i.peakLibrary.all <= i.peakSdk.all,
    },
    i.providerBytes === undefined
      ? { name: "serialized dynamic provider", measured: "not measured", limit: "< 8 KB", met: false }
      : {
          name: "serialized dynamic provider",
          measured: `${i.providerBytes} bytes (${(i.providerBytes / 1024).toFixed(1)} KB)`,
          limit: `< 8 KB (${LIMITS.providerBytes} bytes)`,
          met: i.providerBytes < LIMITS.providerBytes,
        },
  ];
}
