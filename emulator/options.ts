/**
 * The emulator's public types: options (each with its default), the request log entry, and the handle of
 * a running emulator.
 */
import type { EmulatorCredential } from "./auth";
import type { RouteName } from "./routes";
import type { StartedRun } from "./run-types";
import type { Scenario } from "./scenario";
import type { ThrottleOptions } from "./throttle";

/**
 * The demo credentials, accepted by default. Obviously fake: they only open the local emulator and are
 * printed by `npm run emulator` for copy-pasting.
 */
export const DEMO_CREDENTIALS: EmulatorCredential = Object.freeze({
  accessKey: "EMULATORDEMOAK000001",
  secretKey: "EmulatorDemoSecretKeyNotReal000000000001",
});

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Interface to listen on. Default `"127.0.0.1"`. */
  host?: string;
  /** Port; default 0 (any free port; `main.ts` uses 9000). */
  port?: number;
  /** A scenario object, or the path of a scenario JSON file. Default: the shipped `scenarios/default.json`. */
  scenario?: Scenario | string;
  /** Accepted credentials. Default `[DEMO_CREDENTIALS]`. */
  credentials?: EmulatorCredential[];
  /** The emulator clock in epoch ms, for the signature date check and time-based progress. Default `Date.now`. */
  now?: () => number;
  /** Largest accepted difference between `X-Sdk-Date` and the emulator clock. Default 15 minutes (as the gateway). */
  maxSkewMs?: number;
  /** Token bucket per access key; over it, 429 APIGW.0308 with `Retry-After`. Default `false` (off). */
  throttle?: ThrottleOptions | false;
  /**
   * Whether the start APIs (StartWorkflowExecution, StartSyncWorkflowExecution) answer. `"auto"`: only when
   * the scenario's region is a Chinese mainland region (`cn-*`), as documented; elsewhere they answer
   * `START_REFUSED` (403 APIGW.0801). `"available"` / `"refused"` force either. Default `"auto"`.
   */
  startApis?: "auto" | "available" | "refused";
}

/** Defaults of {@link EmulatorOptions}, merged once in `startEmulator`. */
export const EMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  now: Date.now,
  maxSkewMs: 15 * 60_000,
  throttle: false,
  startApis: "auto",
} as const;

/** One request as the emulator saw it, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** The path as received (still percent-encoded), without the query. */
  path: string;
  /** Decoded query; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** Request headers, lowercased names, as received (Authorization and X-Security-Token included). */
  headers: Record<string, string>;
  /** The status answered; 0 while unanswered or when the connection was reset/closed without a response. */
  status: number;
  /** Emulator-clock time of arrival (ms). */
  at: number;
  /** One of `ROUTES`. */
  route: RouteName;
  /** The `execution_id` path parameter, or the id of the run a start request created. */
  executionId?: string;
  /** The `workflow_id` path parameter, when the route has one. */
  workflowId?: string;
  /** The `X-Request-Id` of the answer. */
  requestId: string;
  /** The body as UTF-8 text, when there was one (start requests carry the run's input). */
  body?: string;
  /** Why authentication failed (for debugging client signers; includes the emulator's canonical request). */
  authFailure?: string;
}

/** A started emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The scenario's project id. */
  projectId: string;
  /** The scenario's region. */
  region: string;
  /** The first accepted credential (the demo credentials by default). */
  credentials: EmulatorCredential;
  /** Every request, in arrival order, with the status answered. Cleared in place by `reset()`. */
  requests: RecordedRequest[];
  /** Every start the emulator accepted, in arrival order (refused starts are only in `requests`). Cleared by `reset()`. */
  runs: StartedRun[];
  /** Number of logged requests matching every given filter field. */
  countRequests(filter?: { route?: string; executionId?: string; workflowId?: string; method?: string }): number;
  /**
   * Clears the request log, the started runs, terminations, attempt/poll/list-call/start counters (so faults
   * and progress start over) and the throttle buckets, and moves the time base to now (relative times and
   * timed progress restart).
   */
  reset(): void;
  /** Stops listening and destroys every open socket, stalled responses included. */
  close(): Promise<void>;
}
