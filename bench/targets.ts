/** The targets of issue 7, each evaluated to met or missed from the measurements. */

export interface TargetResult {
  name: string;
  measured: string;
  limit: string;
  met: boolean;
}

export const LIMITS = {
  smallVsFloor: 1.15,
  smallVsSdk: 0.8,
  largeVsFloor: 1.3,
  largeVsSdk: 0.8,
  requireMs: 150,
  providerBytes: 32 * 1024,
} as const;

export interface TargetInputs {
  /** Ratios of medians, library / other. */
  smallVsFloor: number;
  smallVsSdk: number;
  largeVsFloor: number;
  largeVsSdk: number;
  /** The process's peak RSS (absolute), bytes: during the first call, and over all calls of a process. */
  largePeakLibrary: { first: number; all: number };
  largePeakSdk: { first: number; all: number };
  largeCallsPerProcess: number;
  requireMs: number;
  /** Undefined when the provider could not be serialized. */
  providerChars?: number;
}

const x = (r: number) => `${r.toFixed(2)}x`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

export function evaluateTargets(i: TargetInputs): TargetResult[] {
  const out: TargetResult[] = [
    { name: "small payload vs floor", measured: x(i.smallVsFloor), limit: `<= ${x(LIMITS.smallVsFloor)}`, met: i.smallVsFloor <= LIMITS.smallVsFloor },
    { name: "small payload vs SDK", measured: x(i.smallVsSdk), limit: `<= ${x(LIMITS.smallVsSdk)}`, met: i.smallVsSdk <= LIMITS.smallVsSdk },
    { name: "large payload vs floor", measured: x(i.largeVsFloor), limit: `<= ${x(LIMITS.largeVsFloor)}`, met: i.largeVsFloor <= LIMITS.largeVsFloor },
    { name: "large payload vs SDK", measured: x(i.largeVsSdk), limit: `<= ${x(LIMITS.largeVsSdk)}`, met: i.largeVsSdk <= LIMITS.largeVsSdk },
    {
      name: "large payload peak memory vs SDK",
      measured:
        `process peak RSS, first call ${mib(i.largePeakLibrary.first)} vs ${mib(i.largePeakSdk.first)}; ` +
        `over ${i.largeCallsPerProcess} calls ${mib(i.largePeakLibrary.all)} vs ${mib(i.largePeakSdk.all)}`,
      limit: "<= SDK's (both)",
      met: i.largePeakLibrary.first <= i.largePeakSdk.first && i.largePeakLibrary.all <= i.largePeakSdk.all,
    },
    { name: "require time", measured: `${i.requireMs.toFixed(1)} ms`, limit: `<= ${LIMITS.requireMs} ms`, met: i.requireMs <= LIMITS.requireMs },
  ];
  out.push(
    i.providerChars === undefined
      ? { name: "serialized provider size", measured: "not measured", limit: "<= 32 KB", met: false }
      : {
          name: "serialized provider size",
          measured: `${i.providerChars} chars (${(i.providerChars / 1024).toFixed(1)} KB)`,
          limit: `<= 32 KB (${LIMITS.providerBytes} chars)`,
          met: i.providerChars <= LIMITS.providerBytes,
        },
  );
  return out;
}
