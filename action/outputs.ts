/**
 * The action's outputs, written to the file named by $GITHUB_OUTPUT in the delimiter form
 * (`name<<DELIMITER`, value, `DELIMITER`), with a random delimiter the value cannot contain. Values come
 * from the service (status, reason) and are made one safe line first.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { CommandResult } from "../provider/cli/io";
import { safeText } from "../provider/cli/render/safeText";
import { GateErrorCodes } from "../provider/gate/gateError";

/** The verdicts, as the `verdict` output states them. */
export type ActionVerdict = "pass" | "fail" | "stale" | "timeout" | "inconclusive" | "error";

const VERDICT_BY_CODE: Record<string, ActionVerdict> = {
  [GateErrorCodes.rejected]: "fail",
  [GateErrorCodes.stale]: "stale",
  [GateErrorCodes.timeout]: "timeout",
  [GateErrorCodes.inconclusive]: "inconclusive",
};

/** The verdict of a command's result: pass only for exit 0. */
export function verdictOf(result: CommandResult): ActionVerdict {
  if (result.exitCode === 0) return "pass";
  return (result.code !== undefined ? VERDICT_BY_CODE[result.code] : undefined) ?? "error";
}

/** The outputs, by name. */
export interface ActionOutputs {
  verdict: ActionVerdict;
  "execution-id": string;
  status: string;
  reason: string;
}

export function outputsOf(result: CommandResult): ActionOutputs {
  return {
    verdict: verdictOf(result),
    "execution-id": safeText(result.executionId ?? "", 128),
    status: safeText(result.status ?? "", 32),
    reason: safeText(result.reason, 2000),
  };
}

/** The outputs in the delimiter form of $GITHUB_OUTPUT. */
export function renderOutputs(outputs: ActionOutputs): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      let delimiter: string;
      do delimiter = `ghadelimiter_${randomBytes(16).toString("hex")}`;
      while (value.includes(delimiter));
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join("");
}

/** Appends the outputs to $GITHUB_OUTPUT; a warning when it is not set or cannot be written. */
export function writeOutputs(outputs: ActionOutputs, env: NodeJS.ProcessEnv): string | undefined {
  const file = env.GITHUB_OUTPUT;
  if (!file) return "GITHUB_OUTPUT is not set: the step's outputs are not written";
  try {
    appendFileSync(file, renderOutputs(outputs), "utf8");
    return undefined;
  } catch (e) {
    return `could not write the step's outputs to $GITHUB_OUTPUT: ${(e as NodeJS.ErrnoException).code ?? "write failed"}`;
  }
}
