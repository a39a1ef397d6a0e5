/**
 * Command-line parsing and validation. A small parser of our own (no dependency): `--name value`,
 * `--name=value`, boolean flags, `-h`. Every mistake is a UsageError (exit 2) that names the flag; values
 * are echoed only for flags that cannot hold a secret, and credential-like flags are refused outright.
 */
import { COMMANDS, type CommandName, FLAGS, type FlagSpec, flagsOf } from "./flags";
import { refuseCredentialFlags } from "./credentialFlags";
import { UsageError } from "./usageError";

/** Output formats of `--output`. */
export type OutputFormat = "table" | "json" | "github";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["table", "json", "github"];

/** A validated command line. Seconds stay seconds: the library takes them as they are. */
export interface CliOptions {
  command: CommandName;
  workflowId: string;
  executionId: string;
  projectId?: string;
  region?: string;
  endpoint?: string;
  fullHistory: boolean;
  output: OutputFormat;
  debug: boolean;
  /** `wait` only; default `["success"]`. */
  require: string[];
  timeoutSeconds?: number;
  intervalSeconds?: number;
  maxIntervalSeconds?: number;
  notBefore?: string;
  maxAgeSeconds?: number;
  requestTimeoutSeconds?: number;
  deadlineSeconds?: number;
  maxRetries?: number;
}

/** What to do: print help, print the version, or run a command. */
export type ParsedCommandLine =
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | { kind: "run"; options: CliOptions };

type Values = Map<string, string | string[] | true>;

/** Shows a value in a message, short and quoted (only for flags that cannot carry a secret). */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
}

function isCommand(token: string): token is CommandName {
  return (COMMANDS as readonly string[]).includes(token);
}

/** Parses `argv` (the arguments after the script name). */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  refuseCredentialFlags(argv);
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("no command given: expected get or wait");
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return { kind: "help", command: topic !== undefined && isCommand(topic) ? topic : undefined };
  }
  if (first === "--version") return { kind: "version" };
  if (!isCommand(first)) {
    // Echo only what looks like a command word: a mistyped secret must not reach the log.
    const what = /^[a-z][a-z-]{0,30}$/.test(first) ? `unknown command "${first}"` : "the first argument is not a command";
    throw new UsageError(`${what}: expected get or wait`);
  }
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", command: first };
  return { kind: "run", options: toOptions(first, collect(first, rest)) };
}

function collect(command: CommandName, tokens: readonly string[]): Values {
  const values: Values = new Map();
  const accepted = flagsOf(command);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!token.startsWith("--") || token === "--") {
      throw new UsageError(`unexpected argument #${i + 2}: ${command} takes only --flags (see --help)`, command);
    }
    const eq = token.indexOf("=");
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const spec = accepted.find((f) => f.name === name);
    if (!spec) throw new UsageError(unknownFlag(command, name), command);
    if (spec.kind === "boolean") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`, command);
      values.set(name, true);
      continue;
    }
    let value = eq >= 0 ? token.slice(eq + 1) : tokens[i + 1];
    if (eq < 0) i++;
    if (value === undefined || (eq < 0 && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value (${spec.value ?? "VALUE"})`, command);
    }
    value = value.trim();
    if (spec.kind === "list") {
      const list = (values.get(name) as string[] | undefined) ?? [];
      values.set(name, [...list, ...value.split(",").map((s) => s.trim())]);
    } else if (values.has(name)) {
      throw new UsageError(`--${name} is given more than once`, command);
    } else {
      values.set(name, value);
    }
  }
  return values;
}

function unknownFlag(command: CommandName, name: string): string {
  const elsewhere = FLAGS.find((f) => f.name === name);
  if (elsewhere) return `--${name} is accepted by ${elsewhere.commands.join(" and ")} only, not by ${command}`;
  // The name is safe to echo: credential-like names were refused before parsing.
  return /^[A-Za-z0-9-]{1,40}$/.test(name) ? `unknown flag --${name}` : "unknown flag";
}

function seconds(values: Values, spec: FlagSpec, min: number, command: CommandName): number | undefined {
  const raw = values.get(spec.name) as string | undefined;
  if (raw === undefined) return undefined;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`--${spec.name} must be a number of seconds, at least ${min} (got ${shown(raw)})`, command);
  }
  return Number(raw);
}

function toOptions(command: CommandName, values: Values): CliOptions {
  const spec = (name: string) => FLAGS.find((f) => f.name === name) as FlagSpec;
  const text = (name: string) => values.get(name) as string | undefined;
  for (const f of flagsOf(command)) {
    if (f.required && !values.has(f.name)) throw new UsageError(`--${f.name} is required`, command);
  }
  const output = text("output") ?? "table";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    throw new UsageError(`--output must be table, json or github (got ${shown(output)})`, command);
  }
  const retries = text("max-retries");
  if (retries !== undefined && (!/^\d{1,2}$/.test(retries) || Number(retries) > 20)) {
    throw new UsageError(`--max-retries must be a whole number from 0 to 20 (got ${shown(retries)})`, command);
  }
  const require = (values.get("require") as string[] | undefined) ?? ["success"];
  if (require.some((s) => s === "")) throw new UsageError("--require has an empty status", command);
  const options: CliOptions = {
    command,
    workflowId: text("workflow-id") as string,
    executionId: text("execution-id") as string,
    projectId: text("project-id"),
    region: text("region"),
    endpoint: text("endpoint"),
    fullHistory: values.has("full-history"),
    output: output as OutputFormat,
    debug: values.has("debug"),
    require,
    timeoutSeconds: seconds(values, spec("timeout"), 0, command),
    intervalSeconds: seconds(values, spec("interval"), 0.01, command),
    maxIntervalSeconds: seconds(values, spec("max-interval"), 0.01, command),
    notBefore: text("not-before"),
    maxAgeSeconds: seconds(values, spec("max-age"), 0, command),
    requestTimeoutSeconds: seconds(values, spec("request-timeout"), 0.001, command),
    deadlineSeconds: seconds(values, spec("deadline"), 0.001, command),
    maxRetries: retries === undefined ? undefined : Number(retries),
  };
  const { intervalSeconds: min, maxIntervalSeconds: max } = options;
  if (min !== undefined && max !== undefined && max < min) {
    throw new UsageError("--max-interval must be at least --interval", command);
  }
  return options;
}
