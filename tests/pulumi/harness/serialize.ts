/**
 * Serializes a dynamic provider exactly as `pulumi.dynamic.Resource` does
 * (`serializeFunction(() => provider, { allowSecrets: true })`), i.e. the `__provider` text that the
 * engine stores in state and the host later runs.
 */
import * as pulumi from "@pulumi/pulumi";
import { workflowExecutionProvider } from "../../../provider/pulumi/provider";

export interface SerializedProvider {
  text: string;
  bytes: number;
  /** True if the closure captured a secret Output (the whole `__provider` would then be secret). */
  containsSecrets: boolean;
  ms: number;
}

export async function serializeProvider(provider: object = workflowExecutionProvider): Promise<SerializedProvider> {
  const started = Date.now();
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return {
    text: sf.text,
    bytes: Buffer.byteLength(sf.text),
    containsSecrets: sf.containsSecrets,
    ms: Date.now() - started,
  };
}
