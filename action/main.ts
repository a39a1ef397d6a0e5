/**
 * The GitHub Action's entry (bundled into action/dist/index.js, which action.yml runs): reads the
 * inputs, runs the same command `fgs-execution` runs, with `--output github` (annotations and the step
 * summary), and writes the outputs `verdict`, `execution-id`, `status` and `reason`. The step fails on
 * anything but a pass, with the command's exit code, unless the input `mode` is `warn`.
 */
import { type CliIo, type CommandResult, ExitCodes, main, runAsProcess } from "../provider/cli/main";
import type { TextSink } from "../provider/cli/io";
import { command as githubCommand } from "../provider/cli/render/github";
import { input, InputError, planFromInputs } from "./inputs";
import { outputsOf, writeOutputs } from "./outputs";

/** What the action reads and writes (the process's, or fakes in tests). */
export interface ActionIo {
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  signal?: AbortSignal;
}

/** In warn mode the command's error annotations become warnings: the step is not failing. */
function demoted(sink: TextSink): TextSink {
  return { write: (text: string) => sink.write(text.replace(/^::error /gm, "::warning ")) };
}

/** Runs the action and resolves to the process's exit code. Never rejects. */
export async function runAction(io: ActionIo): Promise<number> {
  let plan;
  try {
    plan = planFromInputs(io.env);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const warn = input(io.env, "mode") === "warn";
    io.stdout.write(`${githubCommand(warn ? "warning" : "error", "fgs-workflow-gate: bad input", e.message)}\n`);
    report({ exitCode: 2, code: e.code, reason: e.message }, io);
    return warn ? 0 : 2;
  }
  let result: CommandResult | undefined;
  const cliIo: CliIo = {
    stdout: plan.mode === "warn" ? demoted(io.stdout) : io.stdout,
    stderr: io.stderr,
    env: plan.env,
    signal: io.signal,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    onResult: (r) => (result = r),
  };
  await main(plan.argv, cliIo);
  // Every gate reports its result; a command that reported none (help printed instead) gave no verdict.
  const outcome = result ?? { exitCode: ExitCodes.api, code: "FGS_NO_VERDICT", reason: "the command gave no result" };
  const verdict = report(outcome, io);
  if (verdict === "pass" || plan.mode !== "warn") return outcome.exitCode;
  io.stdout.write(`${githubCommand("warning", `fgs-workflow-gate: ${verdict}`, `mode is warn: the step passes although the verdict is ${verdict} (exit ${outcome.exitCode})`)}\n`);
  return 0;
}

/** Writes the outputs; returns the verdict. */
function report(result: CommandResult, io: ActionIo): string {
  const outputs = outputsOf(result);
  const warning = writeOutputs(outputs, io.env);
  if (warning) io.stderr.write(`fgs-workflow-gate: warning: ${warning}\n`);
  return outputs.verdict;
}

// As its own process: the guards the command has too (no exit without a verdict, crashes, signals, lost output).
if (require.main === module) {
  runAsProcess((signal) => runAction({ env: process.env, stdout: process.stdout, stderr: process.stderr, signal }));
}
