/**
 * `npm run emulator`, `npx fgs-execution emulator` and `npx fgs-emulator`: starts the emulator and prints
 * how to point the library and the CLI at it.
 *
 *   node dist/emulator/main.js [--port N] [--host H] [--scenario FILE] [--help]
 *
 * Exits cleanly on SIGINT/SIGTERM.
 */
import { loadScenario } from "./load";
import type { RunningEmulator } from "./options";
import type { Scenario } from "./scenario";
import { startEmulator } from "./server";

/** Parsed command line. */
export interface MainArgs {
  port: number;
  host: string;
  scenario?: string;
  help: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: npx fgs-execution emulator [options]   (installed package; also npx fgs-emulator)
       npm run emulator -- [options]          (in a clone of the repository)

Local FunctionGraph workflow API emulator (verifies SDK-HMAC-SHA256 signatures).

Options:
  --port N         port to listen on (default 9000; 0 picks a free port)
  --host HOST      interface to listen on (default 127.0.0.1)
  --scenario FILE  scenario JSON file (default: the shipped emulator/scenarios/default.json)
  --help           show this help
`;

/** Parses argv (without node and script); throws an Error with a usage hint on bad input. */
export function parseArgs(argv: readonly string[]): MainArgs {
  const args: MainArgs = { port: 9000, host: "127.0.0.1", help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] as string).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--port": {
        const v = value();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(n >= 0 && n <= 65535)) throw new Error(`--port must be an integer in 0..65535, got "${v}"`);
        args.port = n;
        break;
      }
      case "--host":
        args.host = value();
        break;
      case "--scenario":
        args.scenario = value();
        break;
      default:
        throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    }
  }
  return args;
}

/** What is printed once the emulator listens: URL, demo credentials, env lines, and the runs. */
export function banner(emu: RunningEmulator, scenario: Scenario): string {
  const c = emu.credentials;
  const lines = [
    `FunctionGraph emulator listening on ${emu.url}`,
    "",
    "Demo credentials (fake, accepted only by this emulator). Paste into your shell:",
    `  export HW_ACCESS_KEY=${c.accessKey} HW_SECRET_KEY=${c.secretKey} HW_PROJECT_ID=${emu.projectId} HW_REGION_NAME=${emu.region}`,
  ];
  if (c.securityToken) lines.push(`  export HW_SECURITY_TOKEN=${c.securityToken}`);
  // Without the endpoint line, the pasted credentials would be sent to the real service of the region.
  lines.push(
    `  export HW_FUNCTIONGRAPH_ENDPOINT=${emu.url}`,
    `  export HUAWEICLOUD_SDK_IAM_ENDPOINT=${emu.url}`,
    `Endpoint: ${emu.url}   (FunctionGraph and IAM /v3/projects are both served here)`,
    "",
  );
  for (const w of scenario.workflows) {
    lines.push(`Workflow ${w.name}  id ${w.id}${w.express ? "  (express: sync-executions)" : ""}`);
    const width = Math.max(...w.executions.map((e) => e.id.length), 0);
    for (const e of w.executions) lines.push(`  ${e.id.padEnd(width)}  ${e.summary ?? e.status ?? "(raw body)"}`);
    lines.push("");
  }
  const templates = Object.entries(scenario.runTemplates ?? {});
  if (templates.length > 0) {
    lines.push('Run templates for starts (POST .../executions with {"input": {"scenario": NAME, ...}}):');
    const width = Math.max(...templates.map(([name]) => name.length));
    for (const [name, t] of templates) lines.push(`  ${name.padEnd(width)}  ${t.summary ?? t.status}`);
    lines.push("");
  }
  lines.push("Press Ctrl+C to stop.");
  return lines.join("\n");
}

/** Runs the CLI; resolves with the running emulator (undefined for --help). */
export async function main(argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t + "\n")): Promise<RunningEmulator | undefined> {
  const args = parseArgs(argv);
  if (args.help) {
    out(USAGE);
    return undefined;
  }
  const scenario = loadScenario(args.scenario);
  const emu = await startEmulator({ host: args.host, port: args.port, scenario });
  out(banner(emu, scenario));
  return emu;
}

/**
 * Runs the emulator as a command: starts it, prints the banner, and stops it on SIGINT or SIGTERM. Bad
 * flags print the usage on stderr and set exit code 2. The signal handlers are installed before the
 * banner is printed: a script that sends SIGINT as soon as it reads the banner must not find the default
 * handler, which would kill the process instead of closing the emulator.
 */
export function runEmulatorCommand(argv: readonly string[]): void {
  const release = (): void => {
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
  };
  const stop = (signal: string): void => {
    release();
    process.stdout.write(`\n${signal}: stopping the emulator\n`);
    void started.then((emu) => emu?.close()).then(() => {
      process.exitCode = 0;
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const started = main(argv).then(
    (emu) => {
      if (!emu) release();
      return emu;
    },
    (e: Error) => {
      release();
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
      return undefined;
    },
  );
}

if (require.main === module) runEmulatorCommand(process.argv.slice(2));
