/**
 * What every entry point does before its first request: check the gate and request options, resolve
 * settings (arguments, stack config, environment), and pick the logger. Shared so that
 * `getWorkflowExecution` and `getLatestWorkflowExecution` can never drift apart.
 */
import type { RequestPolicy } from "./api/client";
import { requestPolicy } from "./config/policy";
import { discoverProjectId } from "./config/projects";
import { makeScrubber } from "./api/redact";
import type { ConnectionArgs, GateArgs, ProgressEvent, RequestArgs } from "./args";
import { ambientConfig, ambientLogger, insidePulumiProgram } from "./config/pulumiContext";
import { resolveSettings, type ResolvedSettings } from "./config/settings";
import type { CallContext, GateLogger } from "./context";
import { normalizeGate, type GatePolicy } from "./gate/options";
import type { GateRun } from "./gate/run";

/** Internal knobs for tests, the CLI and the benchmark (clock, randomness, transport); not public. */
export interface InternalContext extends CallContext {
  policy?: Partial<RequestPolicy>;
  random?: () => number;
  now?: () => number;
  debug?: (line: string) => void;
}

export interface PreparedCall {
  gate: GatePolicy;
  policy: RequestPolicy;
  settings: ResolvedSettings;
  /** Progress lines: the caller's logger, or pulumi.log inside a Pulumi program, else none (and none for a
   * plain read, which logs nothing). */
  logger?: GateLogger;
}

export function prepareCall(args: ConnectionArgs & RequestArgs & GateArgs, context: InternalContext): PreparedCall {
  const gate = normalizeGate(args);
  const extra = context.policy === undefined && context.debug === undefined ? undefined : { ...context.policy, debug: context.debug ?? context.policy?.debug };
  const policy = requestPolicy(args, extra);
  const env = context.env ?? process.env;
  const settings = resolveSettings(args, context.config ?? ambientConfig(env), env);
  // Progress lines exist only while waiting, and warnings only when the gate decides: a plain read needs no
  // logger, so it does not look for a Pulumi program either.
  const logs = gate.wait !== undefined || gate.decides;
  const logger = context.logger ?? (logs && insidePulumiProgram(env) ? ambientLogger() : undefined);
  return { gate, policy, settings, logger };
}

/** Where warn-mode warnings go when there is no logger. */
function warnAmbient(message: string): void {
  ambientLogger().warn(message);
}

/**
 * How the gate runs for a prepared call: its logger, warnings, the caller's progress callback and signal,
 * and a scrubber that removes this call's credentials from text the service wrote (gate messages,
 * progress lines). Built only for reads the gate has something to do with (see isPlainRead).
 */
export function gateRun(
  call: PreparedCall,
  args: { onProgress?: (event: ProgressEvent) => void; signal?: AbortSignal },
  context: InternalContext,
  policy: GatePolicy = call.gate,
): GateRun {
  return {
    policy,
    onProgress: args.onProgress,
    logger: call.logger,
    warn: warnAmbient,
    scrub: makeScrubber(call.settings.credentials),
    signal: args.signal,
    random: context.random,
    now: context.now,
  };
}

/** The configured project ID, or the one IAM discovery finds for the region. */
export async function projectIdOf(call: PreparedCall): Promise<string> {
  const { settings, policy } = call;
  return settings.projectId ?? discoverProjectId(settings.iamEndpoint, settings.region as string, settings.credentials, policy);
}
