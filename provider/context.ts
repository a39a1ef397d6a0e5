/**
 * Ambient context of one call: where stack config comes from, where log lines go, which environment to
 * read. Passed explicitly by the Pulumi layer and the CLI; defaults are found lazily for plain callers,
 * and come from Pulumi only when the Pulumi runtime reports a running program (`runningPulumiProgram`).
 */

/** A read-only view of configuration, keyed `namespace:key` (e.g. `huaweicloud:accessKey`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Where gate progress and warnings go. */
export interface GateLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface CallContext {
  /** Stack config; default: the running Pulumi program's config, if any. */
  config?: ConfigSource;
  /** Default: `pulumi.log` inside a Pulumi program, stderr otherwise. */
  logger?: GateLogger;
  /** Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The parts of @pulumi/pulumi the core uses inside a Pulumi program: stack config and the engine's log. */
export interface PulumiProgramApi {
  Config: new (namespace: string) => { get(key: string): string | undefined };
  log: { info(message: string): void; warn(message: string): void };
}

type PulumiModule = PulumiProgramApi & { runtime?: { hasMonitor?: () => boolean; getMonitor?: () => unknown } };

/** Where @pulumi/pulumi resolves from this package: looked up once (it walks the file system). */
let pulumiPath: string | null | undefined;

function resolvedPulumiPath(): string | undefined {
  if (pulumiPath === undefined) {
    try {
      pulumiPath = require.resolve("@pulumi/pulumi");
    } catch {
      pulumiPath = null;
    }
  }
  return pulumiPath ?? undefined;
}

/**
 * The @pulumi/pulumi module of the Pulumi program running in this process, or undefined when none runs.
 *
 * The Pulumi runtime decides: a program (`pulumi up` or `preview`, an Automation API inline program, unit
 * tests under `pulumi.runtime.setMocks`) is connected to a resource monitor, which `runtime.hasMonitor()`
 * reports. Having merely loaded @pulumi/pulumi (a script that imports it, or that copies every export of
 * this package) does not make a program. The module is never loaded here: a running program has loaded
 * it already, and loading it would cost a plain script hundreds of milliseconds.
 */
export function runningPulumiProgram(): PulumiProgramApi | undefined {
  const path = resolvedPulumiPath();
  if (path === undefined || require.cache[path] === undefined) return undefined;
  const pulumi = require(path) as PulumiModule;
  const runtime = pulumi.runtime;
  // In older releases (3.139.0, the range's floor) hasMonitor() is false under setMocks (it also wants an
  // address); getMonitor() then returns the mock monitor. Without an address it creates nothing.
  const connected = runtime?.hasMonitor?.() === true || runtime?.getMonitor?.() !== undefined;
  return connected ? pulumi : undefined;
}
