/**
 * The `CallContext` a Pulumi program passes to the core: stack config through `pulumi.Config`, progress
 * and warnings through `pulumi.log` (so they appear in the CLI's diagnostics, not on raw stderr).
 */
import * as pulumi from "@pulumi/pulumi";
import type { CallContext, ConfigSource } from "../context";

/** Stack config as a `ConfigSource`: `huaweicloud:accessKey` is `new pulumi.Config("huaweicloud").get("accessKey")`. */
export function stackConfig(): ConfigSource {
  const namespaces = new Map<string, pulumi.Config>();
  return {
    get(key) {
      const i = key.indexOf(":");
      if (i <= 0) return undefined;
      const ns = key.slice(0, i);
      let config = namespaces.get(ns);
      if (!config) namespaces.set(ns, (config = new pulumi.Config(ns)));
      // `get` (not `getSecret`): the value only feeds the signer; wrapping it would make every result secret.
      return config.get(key.slice(i + 1));
    },
  };
}

/** The context for one call from a Pulumi program. */
export function programContext(): CallContext {
  return {
    config: stackConfig(),
    logger: { info: (m) => pulumi.log.info(m), warn: (m) => pulumi.log.warn(m) },
  };
}

/**
 * A date input as an ISO-8601 string input. Needed because `pulumi.output` copies a `Date` as a plain
 * object (`{}`), which would silently drop `notBefore`.
 */
export function isoDateInput(v: pulumi.Input<string | Date> | undefined): pulumi.Input<string> | undefined {
  if (v === undefined || typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  return pulumi.output(v as pulumi.Input<string>).apply((d: unknown) => (d instanceof Date ? d.toISOString() : (d as string)));
}

/** True when a value (deeply) holds no Output or promise, i.e. it can be validated now. */
export function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).every(isPlain);
  return true;
}
