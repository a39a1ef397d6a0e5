/** Shared setup of the emulator-backed tests of getLatestWorkflowExecution. */
import * as path from "node:path";
import { startEmulator, type RunningEmulator, type Scenario } from "../../emulator";
import type { GetLatestWorkflowExecutionArgs } from "../../provider/latest/args";
import type { LatestInternalContext } from "../../provider/latest/getLatestWorkflowExecution";

export const FIXTURE = path.join(__dirname, "fixtures", "latest.json");

/** Arguments that connect to `emu` with everything explicit (no ambient config or environment). */
export function connection(emu: RunningEmulator): Pick<GetLatestWorkflowExecutionArgs, "endpoint" | "projectId" | "region" | "credentials"> {
  return { endpoint: emu.url, projectId: emu.projectId, region: emu.region, credentials: emu.credentials };
}

/** A context that reads no environment and collects log lines. */
export function quietContext(extra: LatestInternalContext = {}): LatestInternalContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    env: {},
    logger: { info: (m) => lines.push(`info: ${m}`), warn: (m) => lines.push(`warn: ${m}`) },
    random: () => 0.5,
    ...extra,
    lines,
  };
}

/** Fast polling for wait tests. */
export const FAST_WAIT = { minIntervalSeconds: 0.02, maxIntervalSeconds: 0.05, timeoutSeconds: 5 };

export function start(scenario: Scenario | string = FIXTURE): Promise<RunningEmulator> {
  return startEmulator({ port: 0, scenario });
}

/** Request counts by route. */
export function counts(emu: RunningEmulator): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of emu.requests) out[r.route] = (out[r.route] ?? 0) + 1;
  return out;
}
