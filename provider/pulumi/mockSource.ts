/**
 * Whether the program runs under `pulumi.runtime.setMocks` (a unit test), and what the gate does then.
 *
 * Under mocks no engine runs the dynamic providers and no stack config holds credentials, so a gate
 * would either never decide (resources) or reach the network (Output functions). Both are refused unless
 * the mocks say how the gate is served: `fgs-workflow-gate/testing` marks its mocks with a handler that
 * answers from canned executions (or, when a test asks, lets reads go to the network, e.g. an emulator).
 * The mark is a `Symbol.for` property of the mocks object, so two copies of this package agree on it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GetLatestWorkflowExecutionResult, GetWorkflowExecutionArgs, GetWorkflowExecutionResult } from "../args";
import { ConfigurationError } from "../errors";
import type { GetLatestWorkflowExecutionArgs } from "../latest/args";

/** The property of a mocks object that holds its gate handler. */
export const GATE_MOCKS = Symbol.for("fgs-workflow-gate.gate-mocks");

/** How the gate is served under mocks. */
export type GateMockHandler =
  /** Reads go out as in a real program (a test that runs against an emulator asked for it). */
  | { network: true }
  /** Reads are answered here; nothing is sent. */
  | {
      network: false;
      readExecution(args: GetWorkflowExecutionArgs): Promise<GetWorkflowExecutionResult>;
      readLatest(args: GetLatestWorkflowExecutionArgs): Promise<GetLatestWorkflowExecutionResult>;
    };

/** No mocks, mocks with a gate handler, or mocks that do not know about the gate. */
export type MockMode = { kind: "none" } | { kind: "handled"; handler: GateMockHandler } | { kind: "unhandled" };

/** The mocks object given to `setMocks`, or undefined when the program does not run under mocks. */
function installedMocks(): Record<PropertyKey, unknown> | undefined {
  const monitor = pulumi.runtime.getMonitor?.() as { constructor?: { name?: string }; mocks?: unknown } | undefined;
  if (monitor?.constructor?.name !== "MockMonitor" || typeof monitor.mocks !== "object" || monitor.mocks === null) return undefined;
  return monitor.mocks as Record<PropertyKey, unknown>;
}

/** How the gate runs right now. */
export function mockMode(): MockMode {
  const mocks = installedMocks();
  if (mocks === undefined) return { kind: "none" };
  const handler = mocks[GATE_MOCKS] as GateMockHandler | undefined;
  return handler === undefined ? { kind: "unhandled" } : { kind: "handled", handler };
}

/** Why a gate under plain mocks is refused, and what to do. */
export function unmockedGateMessage(what: string): string {
  return (
    `${what} runs under pulumi.runtime.setMocks, which would never run the gate (a failed run would pass ` +
    `unnoticed) or would send real requests. Install the mocks with mockWorkflowGates() from ` +
    `"fgs-workflow-gate/testing" to give the gate canned executions`
  );
}

/** Throws when running under mocks that do not serve the gate (fail closed instead of passing silently). */
export function refuseUnmockedGate(what: string): void {
  if (mockMode().kind === "unhandled") throw new ConfigurationError(unmockedGateMessage(what));
}

/** Marks a mocks object as serving the gate with `handler` (for mocks that handle the gate resources themselves). */
export function markGateMocks<M extends object>(mocks: M, handler: GateMockHandler = { network: true }): M {
  return Object.assign(mocks, { [GATE_MOCKS]: handler });
}
