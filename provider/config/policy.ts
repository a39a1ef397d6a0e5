/**
 * Turns the public request arguments (seconds, documented defaults) into the client's RequestPolicy.
 */
import type { RequestArgs } from "../args";
import { DEFAULT_POLICY, type RequestPolicy } from "../api/client";
import { ConfigurationError } from "../errors";

function positiveSeconds(v: unknown, name: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new ConfigurationError(`${name} must be a positive, finite number of seconds`, name);
  }
  return Math.round(v * 1000);
}

/** The policy of a call that sets nothing: shared, so a plain read builds no policy object. */
const DEFAULTS: RequestPolicy = Object.freeze({ ...DEFAULT_POLICY });

export function requestPolicy(args: RequestArgs, extra?: Partial<RequestPolicy>): RequestPolicy {
  if (
    extra === undefined &&
    args.signal === undefined &&
    args.requestTimeoutSeconds === undefined &&
    args.deadlineSeconds === undefined &&
    args.maxRetries === undefined
  ) {
    return DEFAULTS;
  }
  const policy: RequestPolicy = { ...DEFAULT_POLICY, ...extra, signal: args.signal ?? extra?.signal };
  if (args.requestTimeoutSeconds !== undefined) {
    policy.attemptTimeoutMs = positiveSeconds(args.requestTimeoutSeconds, "requestTimeoutSeconds");
  }
  if (args.deadlineSeconds !== undefined) policy.deadlineMs = positiveSeconds(args.deadlineSeconds, "deadlineSeconds");
  if (args.maxRetries !== undefined) {
    if (!Number.isInteger(args.maxRetries) || args.maxRetries < 0 || args.maxRetries > 20) {
      throw new ConfigurationError("maxRetries must be a whole number from 0 to 20", "maxRetries");
    }
    policy.maxRetries = args.maxRetries;
  }
  return policy;
}
