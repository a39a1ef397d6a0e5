/**
 * Peak resident memory of this process, read from the kernel rather than sampled: on Linux, VmHWM in
 * /proc/self/status is the exact high-water mark of RSS, and writing "5" to /proc/self/clear_refs resets
 * it to the current RSS. A synchronous JSON.parse cannot hide from it, unlike a timer-based sampler.
 * Elsewhere, fall back to sampling process.memoryUsage().rss every millisecond (less exact).
 */
import * as fs from "node:fs";

export interface PeakMeter {
  method: string;
  /** Starts a new measurement window at the current RSS. */
  reset(): void;
  /** Highest RSS (bytes) since the last reset. */
  peak(): number;
  stop(): void;
}

function vmHwmBytes(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function kernelMeter(): PeakMeter | undefined {
  if (vmHwmBytes() === undefined) return undefined;
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    return undefined;
  }
  return {
    method: "kernel RSS high-water mark (VmHWM, reset through /proc/self/clear_refs)",
    reset: () => fs.writeFileSync("/proc/self/clear_refs", "5"),
    peak: () => vmHwmBytes() as number,
    stop: () => undefined,
  };
}

function samplingMeter(): PeakMeter {
  let max = 0;
  const sample = () => {
    max = Math.max(max, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 1);
  return {
    method: "process.memoryUsage.rss() sampled every 1 ms",
    reset: () => {
      max = process.memoryUsage.rss();
    },
    peak: () => {
      sample();
      return max;
    },
    stop: () => clearInterval(timer),
  };
}

export function peakMeter(): PeakMeter {
  return kernelMeter() ?? samplingMeter();
}
