/**
 * Turns the public request arguments (seconds, documented defaults) into the client's RequestPolicy.
 */
import type { RequestArgs } from "../args";
import { DEFAULT_POLICY, type RequestPolicy } from "../api/client";
import { ConfigurationError } from "../errors";
import { durationMs } from "./duration";

/** At least 1 ms once rounded: a timeout of 0 ms would end every attempt before it starts. */
const MIN_SECONDS = 0.001;

export function requestPolicy(args: RequestArgs, extra?: Partial<RequestPolicy>): RequestPolicy {
  const policy: RequestPolicy = { ...DEFAULT_POLICY, ...extra, signal: args.signal ?? extra?.signal };
  if (args.requestTimeoutSeconds !== undefined) {
    policy.attemptTimeoutMs = durationMs(args.requestTimeoutSeconds, "requestTimeoutSeconds", MIN_SECONDS);
  }
  if (args.deadlineSeconds !== undefined) policy.deadlineMs = durationMs(args.deadlineSeconds, "deadlineSeconds", MIN_SECONDS);
  if (args.maxRetries !== undefined) {
    if (!Number.isInteger(args.maxRetries) || args.maxRetries < 0 || args.maxRetries > 20) {
      throw new ConfigurationError("maxRetries must be a whole number from 0 to 20", "maxRetries");
    }
    policy.maxRetries = args.maxRetries;
  }
  return policy;
}
