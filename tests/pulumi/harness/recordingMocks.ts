/**
 * Plain `setMocks` that records every resource request, including the `additionalSecretOutputs` and
 * the ID of reads, which `MockResourceArgs` leaves out. For wiring tests that need no provider host.
 */
import * as pulumi from "@pulumi/pulumi";
import { markGateMocks } from "../../../provider/pulumi/mockSource";

export interface Recorded extends pulumi.runtime.MockResourceArgs {
  additionalSecretOutputs: string[];
}

/**
 * Installs mocks; `respond` computes each resource's state (default: echo the inputs) and may throw to
 * fail that resource's step.
 */
export async function useRecordingMocks(
  respond: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> | Promise<Record<string, unknown>> = (a) =>
    a.inputs,
  options: { preview?: boolean; project?: string } = {},
): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const secretOutputs = new Map<string, string[]>();
  // These mocks serve the gate resources themselves (or echo them, for wiring tests) and let the
  // Output functions read from the emulator.
  await pulumi.runtime.setMocks(
    markGateMocks({
      call: () => ({}),
      newResource: async (args) => {
        recorded.push({ ...args, additionalSecretOutputs: secretOutputs.get(args.name) ?? [] });
        return { id: args.id || `${args.name}-id`, state: await respond(args) };
      },
    }),
    options.project ?? "fgs-gate-test",
    "test",
    options.preview ?? false,
  );
  recordSecretOutputs(secretOutputs);
  return recorded;
}

/** Wraps the installed mock monitor so that each request's `additionalSecretOutputs` is recorded by name. */
export function recordSecretOutputs(into: Map<string, string[]>): void {
  type Req = { getName(): string; getAdditionalsecretoutputsList(): string[] };
  const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Record<string, unknown> }).getMonitor();
  for (const method of ["readResource", "registerResource"]) {
    const original = (monitor[method] as (req: Req, cb: unknown) => unknown).bind(monitor);
    monitor[method] = (req: Req, cb: unknown) => {
      into.set(req.getName(), req.getAdditionalsecretoutputsList());
      return original(req, cb);
    };
  }
}
