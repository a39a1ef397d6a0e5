/**
 * Finds stack config and a logger when the caller did not pass them, without loading @pulumi/pulumi
 * unless a Pulumi program is running (loading it costs hundreds of milliseconds).
 */
import type { ConfigSource, GateLogger } from "../context";

type PulumiModule = {
  Config: new (ns: string) => { get(key: string): string | undefined };
  log: { info(m: string): void; warn(m: string): void };
  runtime?: { getProject?: () => string };
};

/** The @pulumi/pulumi copy this package resolves, if it is already loaded (i.e. a Pulumi program runs). */
let resolvedPath: string | null | undefined;

function loadedPulumi(): PulumiModule | undefined {
  // Resolving walks the file system: done once per process; whether it is loaded is checked every time.
  if (resolvedPath === undefined) {
    try {
      resolvedPath = require.resolve("@pulumi/pulumi");
    } catch {
      resolvedPath = null;
    }
  }
  const resolved = resolvedPath;
  if (resolved === null || !require.cache[resolved]) return undefined;
  return require(resolved) as PulumiModule;
}

/** True when running inside a Pulumi program (the language host sets these variables). */
export function insidePulumiProgram(env: NodeJS.ProcessEnv): boolean {
  return env.PULUMI_CONFIG !== undefined || env.PULUMI_NODEJS_PROJECT !== undefined || loadedPulumi() !== undefined;
}

/** Stack config of the running program, or undefined outside a Pulumi program. */
export function ambientConfig(env: NodeJS.ProcessEnv): ConfigSource | undefined {
  const pulumi = loadedPulumi();
  if (pulumi) {
    return {
      get(key) {
        const i = key.indexOf(":");
        try {
          return new pulumi.Config(key.slice(0, i)).get(key.slice(i + 1));
        } catch {
          return undefined;
        }
      },
    };
  }
  if (env.PULUMI_CONFIG) {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(env.PULUMI_CONFIG) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    return { get: (key) => (typeof parsed[key] === "string" ? (parsed[key] as string) : undefined) };
  }
  return undefined;
}

/** pulumi.log inside a Pulumi program, stderr otherwise. */
export function ambientLogger(): GateLogger {
  const pulumi = loadedPulumi();
  if (pulumi) return { info: (m) => pulumi.log.info(m), warn: (m) => pulumi.log.warn(m) };
  return {
    info: (m) => process.stderr.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
  };
}
