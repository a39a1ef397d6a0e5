/**
 * Issue 9's number: requests and time of a latest-execution lookup over a workflow with 1,000 runs in
 * the default window (by workflow ID, and by name, which adds the ListWorkflows scan). Requests are
 * counted by the emulator, per route; times are the median of several lookups.
 */
import { performance } from "node:perf_hooks";
import { getLatestWorkflowExecution } from "../provider";
import type { BenchEmulator } from "./emulator-client";
import { LATEST } from "./scenario";
import { summarize, type Summary } from "./stats";

export interface LatestCase {
  by: "workflowId" | "workflowName";
  requests: Record<string, number>;
  totalRequests: number;
  ms: Summary;
}

export async function measureLatest(emu: BenchEmulator, runs: number): Promise<LatestCase[]> {
  const base = { endpoint: emu.conn.url, projectId: emu.conn.projectId, credentials: emu.conn.credentials };
  const cases: Array<[LatestCase["by"], Record<string, string>]> = [
    ["workflowId", { workflowId: LATEST.workflowId }],
    ["workflowName", { workflowName: LATEST.workflowName }],
  ];
  const out: LatestCase[] = [];
  for (const [by, which] of cases) {
    const times: number[] = [];
    let requests: Record<string, number> = {};
    for (let i = 0; i < runs + 1; i++) {
      await emu.reset();
      const t0 = performance.now();
      const e = await getLatestWorkflowExecution({ ...base, ...which });
      const ms = performance.now() - t0;
      if (e.executionId !== LATEST.newest) throw new Error(`latest lookup by ${by} chose ${e.executionId}, not ${LATEST.newest}`);
      requests = (await emu.counts()).counts;
      if (i > 0) times.push(ms); // the first lookup warms up (modules loaded, connection open)
    }
    out.push({ by, requests, totalRequests: Object.values(requests).reduce((a, b) => a + b, 0), ms: summarize(times) });
  }
  return out;
}
