/**
 * Finds stack config and a logger when the caller did not pass them. Both come from Pulumi only when the
 * Pulumi runtime reports a running program (`runningPulumiProgram` in context.ts); a script that merely
 * loaded @pulumi/pulumi, or inherited a program's environment, is not one.
 */
import { runningPulumiProgram, type ConfigSource, type GateLogger } from "../context";

/** True when running inside a Pulumi program, as the Pulumi runtime reports it. */
export function insidePulumiProgram(_env?: NodeJS.ProcessEnv): boolean {
  return runningPulumiProgram() !== undefined;
}

/** Stack config of the running program, or undefined outside a Pulumi program. */
export function ambientConfig(_env?: NodeJS.ProcessEnv): ConfigSource | undefined {
  const pulumi = runningPulumiProgram();
  if (pulumi === undefined) return undefined;
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

/** pulumi.log inside a Pulumi program, stderr otherwise. */
export function ambientLogger(): GateLogger {
  const pulumi = runningPulumiProgram();
  if (pulumi) return { info: (m) => pulumi.log.info(m), warn: (m) => pulumi.log.warn(m) };
  return {
    info: (m) => process.stderr.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
  };
}
