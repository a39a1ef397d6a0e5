/**
 * Preloaded (`node --require`) into every whole-process contender: when the process exits, writes its own
 * CPU time and peak RSS, from `process.resourceUsage()`, as one JSON line to file descriptor 3, a pipe
 * the benchmark opened for it. Microsecond CPU accounting, unlike `/usr/bin/time`'s 10 ms, and nothing
 * is added to the contender's stdout or stderr.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  const r = process.resourceUsage();
  writeSync(3, `${JSON.stringify({ cpuUs: r.userCPUTime + r.systemCPUTime, maxRssKb: r.maxRSS })}\n`);
});
