/**
 * Ambient context of one call: where stack config comes from, where log lines go, which environment to
 * read. Passed explicitly by the Pulumi layer and the CLI; defaults are found lazily for plain callers.
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
