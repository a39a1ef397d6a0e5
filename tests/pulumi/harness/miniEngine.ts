/**
 * A "mini engine": `pulumi.runtime.setMocks` whose dynamic resources are forwarded to the real provider
 * host over gRPC, with the engine rules that matter here applied on purpose (mocks apply none):
 * - a resource with `opts.id` is a Read (no Check), run in preview too;
 * - a registration is Check, then Create, except in preview, where the checked inputs are the state;
 * - secret inputs arrive unwrapped at the host (it declines secrets);
 * - outputs named in `additionalSecretOutputs` come back secret.
 * Everything else (non-dynamic resources) is echoed back like a plain mock.
 */
import * as pulumi from "@pulumi/pulumi";
import { markGateMocks } from "../../../provider/pulumi/mockSource";
import * as engine from "./engine";
import type { ProviderHost } from "./host";
import { SECRET_SIG } from "./proto";
import { recordSecretOutputs } from "./recordingMocks";

/** One step the mini engine performed. */
export interface Step {
  op: "read" | "create" | "preview" | "mock";
  type: string;
  name: string;
  id?: string;
  /** Inputs as received from the SDK (secrets unwrapped). */
  inputs: Record<string, unknown>;
  /** State returned by the host, `__provider` removed; undefined when the step failed. */
  state?: Record<string, unknown>;
  error?: string;
  additionalSecretOutputs: string[];
}

function unwrapSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (SECRET_SIG in o) return unwrapSecrets(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

function withoutProvider(props: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _p, ...rest } = props;
  return rest;
}

/** Installs the mini engine; returns the steps list, filled as the program registers resources. */
export async function useMiniEngine(host: ProviderHost, options: { preview?: boolean; project?: string } = {}) {
  const project = options.project ?? "fgs-gate-test";
  const steps: Step[] = [];
  const secretOutputs = new Map<string, string[]>();

  async function forward(args: pulumi.runtime.MockResourceArgs, step: Step) {
    const urn = engine.urnOf(args.type, args.name, project);
    if (args.id) {
      step.op = "read";
      return engine.read(host, urn, args.id, step.inputs);
    }
    const checked = await engine.check(host, urn, {}, step.inputs);
    if (checked.failures.length > 0) throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
    if (options.preview) {
      step.op = "preview";
      return { id: "", props: checked.inputs };
    }
    step.op = "create";
    return engine.create(host, urn, checked.inputs);
  }

  // These mocks serve the gate resources themselves (or echo them, for wiring tests) and let the
  // Output functions read from the emulator.
  await pulumi.runtime.setMocks(
    markGateMocks({
      call: () => {
        throw new Error("the mini engine has no invokes (dynamic providers have none either)");
      },
      newResource: async (args) => {
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        const step: Step = { op: "mock", type: args.type, name: args.name, inputs, additionalSecretOutputs: secretOutputs.get(args.name) ?? [] };
        steps.push(step);
        if (!args.type.startsWith("pulumi-nodejs:dynamic")) return { id: `${args.name}-id`, state: inputs };
        try {
          const res = await forward(args, step);
          step.id = res.id;
          step.state = withoutProvider(res.props);
        } catch (e) {
          step.error = (e as { details?: string; message?: string }).details ?? String((e as Error).message ?? e);
          throw new Error(step.error);
        }
        const state: Record<string, unknown> = { ...(step.state ?? {}) };
        for (const key of step.additionalSecretOutputs) if (key in state) state[key] = pulumi.secret(state[key]);
        return { id: step.id || undefined, state };
      },
    }),
    project,
    "test",
    options.preview ?? false,
  );

  // Mocks do not pass resource options to newResource: record additionalSecretOutputs from the requests.
  recordSecretOutputs(secretOutputs);
  return steps;
}
