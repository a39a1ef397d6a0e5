/**
 * The action's inputs, read as the runner passes them (`INPUT_<NAME>` variables, the name upper-cased),
 * and turned into the command line of `fgs-execution` and the environment it runs with. Credentials
 * never become arguments: they stay in the environment, where the command reads them.
 */
import { CREDENTIAL_ENV_SOURCES, type CredentialSource } from "../provider/config/credentialNames";

/** Commands the action runs. */
export const ACTION_COMMANDS = ["wait", "get", "latest", "run"] as const;

/** What the action does when the outcome is not a pass. */
export type ActionMode = "enforce" | "warn";

/** A mistake in the action's inputs: reported like a usage error (verdict `error`). */
export class InputError extends Error {
  readonly code = "FGS_USAGE";
}

/** Inputs passed through as `--name value` when set. */
const VALUE_INPUTS = [
  "workflow-id",
  "workflow-name",
  "execution-id",
  "require",
  "timeout",
  "interval",
  "max-interval",
  "since",
  "until",
  "status",
  "not-before",
  "max-age",
  "input",
  "headers",
  "conditions-file",
  "region",
  "project-id",
  "endpoint",
  "request-timeout",
  "deadline",
  "max-retries",
] as const;

/** Inputs given one per line, each becoming one repeated flag. */
const LINE_INPUTS = ["require-node", "condition"] as const;

/** `true`/`false` inputs that become a flag without a value. */
const SWITCH_INPUTS = ["latest", "sync", "no-stop", "expose-payloads", "full-history", "debug"] as const;

/** Credential inputs and the variable each sets (for secrets passed as inputs rather than as `env`): the first source the command reads. */
const FIRST_SOURCE = CREDENTIAL_ENV_SOURCES[0] as CredentialSource;
const CREDENTIAL_INPUTS: ReadonlyArray<[string, string]> = [
  ["access-key", FIRST_SOURCE.accessKey],
  ["secret-key", FIRST_SOURCE.secretKey],
  ["security-token", FIRST_SOURCE.securityToken as string],
];

/** The value of input `name` as the runner passes it; "" when not set. */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function switchOn(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name).toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  throw new InputError(`input ${name} must be true or false`);
}

/** What the action runs: the command line, the mode, and the environment for the command. */
export interface ActionPlan {
  command: (typeof ACTION_COMMANDS)[number];
  argv: string[];
  mode: ActionMode;
  env: NodeJS.ProcessEnv;
}

/** The plan for the inputs in `env`; an InputError for a bad command or mode. */
export function planFromInputs(env: NodeJS.ProcessEnv): ActionPlan {
  const command = input(env, "command") || "wait";
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) throw new InputError(`input command must be one of ${ACTION_COMMANDS.join(", ")}`);
  const mode = input(env, "mode") || "enforce";
  if (mode !== "enforce" && mode !== "warn") throw new InputError("input mode must be enforce or warn");
  const argv: string[] = [command];
  for (const name of VALUE_INPUTS) {
    const value = input(env, name);
    if (value !== "") argv.push(`--${name}`, value);
  }
  for (const name of LINE_INPUTS) {
    for (const line of input(env, name).split(/\r?\n/)) if (line.trim() !== "") argv.push(`--${name}`, line.trim());
  }
  for (const name of SWITCH_INPUTS) if (switchOn(env, name)) argv.push(`--${name}`);
  argv.push("--output", "github");
  return { command: command as ActionPlan["command"], argv, mode, env: commandEnv(env) };
}

/** The command's environment: the step's, with credential inputs (when given) in their variables. */
function commandEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const [name, variable] of CREDENTIAL_INPUTS) {
    const value = input(env, name);
    if (value !== "") out[variable] = value;
    // The input's own variable is not needed any more; nothing below should see the secret twice.
    delete out[`INPUT_${name.toUpperCase()}`];
  }
  return out;
}
