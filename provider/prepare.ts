/**
 * What every entry point does before its first request: check the gate and request options, resolve
 * settings (arguments, stack config, environment), and pick the logger. Shared so that
 * `getWorkflowExecution` and `getLatestWorkflowExecution` can never drift apart.
 */
import type { RequestPolicy } from "./api/client";
import { requestPolicy } from "./config/policy";
import { discoverProjectId } from "./api/projects";
import { makeScrubber, type Scrubber } from "./api/redact";
import type { ConnectionArgs, GateArgs, RequestArgs } from "./args";
import { ambientConfig, ambientLogger, insidePulumiProgram } from "./config/pulumiContext";
import { resolveSettings, type ResolvedSettings } from "./config/settings";
import type { CallContext, GateLogger } from "./context";
import { normalizeGate, type GatePolicy } from "./gate/options";

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
  /** Where warn-mode warnings go when there is no logger. */
  warn: (message: string) => void;
  /** Removes this call's credentials from text that came from the service (gate messages, progress). */
  scrub: Scrubber;
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
  return { gate, policy, settings, logger, warn: (m) => ambientLogger().warn(m), scrub: makeScrubber(settings.credentials) };
}

/** The configured project ID, or the one IAM discovery finds for the region. */
export async function projectIdOf(call: PreparedCall): Promise<string> {
  const { settings, policy } = call;
  return settings.projectId ?? discoverProjectId(settings.iamEndpoint, settings.region as string, settings.credentials, policy);
}
