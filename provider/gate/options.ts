/**
 * Gate options normalized once, with defaults applied and every value checked; the caller's object is
 * never mutated. A bad option is a ConfigurationError before any request. Durations follow the one rule
 * of config/duration.ts (finite, under 2^31 ms).
 */
import { ConfigurationError } from "../errors";
import { durationMs } from "../config/duration";
import { parseInstant } from "../config/instant";
import type { GateArgs, GateMode } from "../args";
import { ALL_STATUSES, type ExecutionStatus, isFinalStatus } from "../model/types";
import { type CheckedCondition, type CheckedNodeRequirement, checkConditions, checkRequireNodes } from "./conditions";

export const WAIT_DEFAULTS = { timeoutSeconds: 600, minIntervalSeconds: 2, maxIntervalSeconds: 30, maxConsecutiveErrors: 3 };

export interface WaitPolicy {
  timeoutMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  maxConsecutiveErrors: number;
}

export interface GatePolicy {
  wait?: WaitPolicy;
  require?: ReadonlySet<ExecutionStatus>;
  notBeforeMs?: number;
  maxAgeMs?: number;
  mode: GateMode;
  /** Nodes that must have ended in a status, and conditions on outputs (./conditions). */
  nodes: readonly CheckedNodeRequirement[];
  conditions: readonly CheckedCondition[];
  exposePayloads: boolean;
  /** Some condition reads outputs, which only a full-history read has complete. */
  needsFullHistory: boolean;
  /** True when any check applies (wait outcome, status, freshness, nodes, conditions); false for a plain read. */
  decides: boolean;
}

function waitPolicy(w: GateArgs["waitForCompletion"]): WaitPolicy | undefined {
  if (w === undefined || w === false) return undefined;
  if (w !== true && (typeof w !== "object" || w === null)) {
    throw new ConfigurationError("waitForCompletion must be a boolean or an object of wait options", "waitForCompletion");
  }
  const o = w === true ? {} : w;
  const policy: WaitPolicy = {
    timeoutMs: durationMs(o.timeoutSeconds ?? WAIT_DEFAULTS.timeoutSeconds, "waitForCompletion.timeoutSeconds", 0),
    minIntervalMs: durationMs(o.minIntervalSeconds ?? WAIT_DEFAULTS.minIntervalSeconds, "waitForCompletion.minIntervalSeconds", 0.01),
    maxIntervalMs: durationMs(o.maxIntervalSeconds ?? WAIT_DEFAULTS.maxIntervalSeconds, "waitForCompletion.maxIntervalSeconds", 0.01),
    maxConsecutiveErrors: o.maxConsecutiveErrors ?? WAIT_DEFAULTS.maxConsecutiveErrors,
  };
  if (policy.maxIntervalMs < policy.minIntervalMs) {
    throw new ConfigurationError(
      "waitForCompletion.maxIntervalSeconds must be at least minIntervalSeconds",
      "waitForCompletion.maxIntervalSeconds",
    );
  }
  if (!Number.isInteger(policy.maxConsecutiveErrors) || policy.maxConsecutiveErrors < 0) {
    throw new ConfigurationError(
      "waitForCompletion.maxConsecutiveErrors must be a whole number, at least 0",
      "waitForCompletion.maxConsecutiveErrors",
    );
  }
  return policy;
}

function requireSet(r: GateArgs["requireStatus"]): ReadonlySet<ExecutionStatus> | undefined {
  if (r === undefined) return undefined;
  const list = Array.isArray(r) ? r : [r];
  if (list.length === 0) throw new ConfigurationError("requireStatus must name at least one status", "requireStatus");
  for (const s of list) {
    if (typeof s !== "string" || !(ALL_STATUSES as readonly string[]).includes(s)) {
      throw new ConfigurationError(
        `requireStatus contains ${JSON.stringify(s)}, which is not a status (expected one of success, fail, timeout, cancel)`,
        "requireStatus",
      );
    }
    if (!isFinalStatus(s)) {
      throw new ConfigurationError(
        `requireStatus contains "${s}", which is not a final status: a run that is not final never passes the gate`,
        "requireStatus",
      );
    }
  }
  return new Set(list);
}

export function normalizeGate(args: GateArgs): GatePolicy {
  const mode = args.mode ?? "enforce";
  if (mode !== "enforce" && mode !== "warn" && mode !== "report") {
    throw new ConfigurationError(`mode must be "enforce", "warn" or "report"`, "mode");
  }
  const wait = waitPolicy(args.waitForCompletion);
  const require = requireSet(args.requireStatus);
  const notBeforeMs = parseInstant(args.notBefore, "notBefore");
  const maxAgeMs = args.maxAgeSeconds === undefined ? undefined : durationMs(args.maxAgeSeconds, "maxAgeSeconds", 0);
  const nodes = checkRequireNodes(args.requireNodes);
  const conditions = checkConditions(args.conditions);
  if (args.exposePayloads !== undefined && typeof args.exposePayloads !== "boolean") {
    throw new ConfigurationError("exposePayloads must be a boolean", "exposePayloads");
  }
  return {
    wait,
    require,
    notBeforeMs,
    maxAgeMs,
    mode,
    nodes,
    conditions,
    exposePayloads: args.exposePayloads === true,
    needsFullHistory: conditions.some((c) => c.source !== "input"),
    decides: wait !== undefined || require !== undefined || notBeforeMs !== undefined || maxAgeMs !== undefined || nodes.length > 0 || conditions.length > 0,
  };
}

/** Whether a read asks for full history: as the caller said, else when a condition needs complete outputs. */
export function fullHistoryOf(asked: boolean | undefined, policy: GatePolicy): boolean | undefined {
  return asked ?? (policy.needsFullHistory ? true : undefined);
}
