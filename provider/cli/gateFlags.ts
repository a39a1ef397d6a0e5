/**
 * The gate flags that judge what a run produced: `--require-node`, `--condition`, `--conditions-file`.
 * Each becomes the library's own option (`requireNodes`, `conditions`); the library checks the values
 * (status names, pointers, patterns) and reports what is wrong as a ConfigurationError (exit 2).
 */
import type { Condition, RequireNodes } from "../conditionArgs";
import type { ExecutionStatus } from "../model/types";
import { ConditionSyntaxError, parseCondition } from "./conditionSyntax";
import { type CommandName, GATING_COMMANDS } from "./commands";
import { jsonText, parseJson } from "./jsonArg";
import { safeText } from "./render/safeText";
import type { Values } from "./presence";
import { UsageError } from "./usageError";

/**
 * `NAME[=STATUS[,STATUS...]]`, repeatable. The name ends at the last `=` when what follows is a status
 * list, so a name may itself contain `=`. Names alone give a list (each must succeed); with any status
 * the result is an object of name to statuses, the names without one requiring `success`.
 */
export function parseRequireNodes(values: readonly string[], command: CommandName): RequireNodes | undefined {
  if (values.length === 0) return undefined;
  const wanted = new Map<string, ExecutionStatus[] | undefined>();
  for (const value of values) {
    const eq = value.lastIndexOf("=");
    const tail = eq < 0 ? "" : value.slice(eq + 1);
    const hasStatuses = eq >= 0 && /^\s*[a-z]+\s*(,\s*[a-z]+\s*)*$/.test(tail);
    const name = (hasStatuses ? value.slice(0, eq) : value).trim();
    if (name === "") throw new UsageError("--require-node needs a node name (NAME or NAME=STATUS[,STATUS])", command);
    if (wanted.has(name)) throw new UsageError(`--require-node names the node ${JSON.stringify(safeText(name, 80))} twice`, command);
    wanted.set(name, hasStatuses ? (tail.split(",").map((t) => t.trim()) as ExecutionStatus[]) : undefined);
  }
  if ([...wanted.values()].every((s) => s === undefined)) return [...wanted.keys()];
  return Object.fromEntries([...wanted].map(([name, statuses]) => [name, statuses ?? "success"]));
}

/** Each `--condition EXPR`; a syntax error names the flag's occurrence and the column. */
export function parseConditionFlags(values: readonly string[], command: CommandName): Condition[] {
  return values.map((text, i) => {
    try {
      return parseCondition(text);
    } catch (e) {
      if (!(e instanceof ConditionSyntaxError)) throw e;
      const which = values.length > 1 ? ` #${i + 1}` : "";
      throw new UsageError(`--condition${which} ${JSON.stringify(safeText(text, 200))}: ${e.message}`, command);
    }
  });
}

/** `--conditions-file FILE`: a JSON list of objects in the library's Condition shape. */
export function readConditionsFile(file: string, command: CommandName): Condition[] {
  const { text, from } = jsonText("conditions-file", file, command, true);
  const list = parseJson(text, from, command);
  if (!Array.isArray(list)) throw new UsageError(`${from} must hold a JSON list of conditions ([{...}, ...])`, command);
  list.forEach((c, i) => {
    if (typeof c !== "object" || c === null || Array.isArray(c)) throw new UsageError(`${from}: item ${i} must be a JSON object (a condition)`, command);
  });
  return list as Condition[];
}

/** The judging options of `wait` and `run`: required nodes, and conditions (the file's first). */
export function judgingOptions(command: CommandName, values: Values): { requireNodes?: RequireNodes; conditions?: Condition[] } {
  if (!GATING_COMMANDS.includes(command)) return {};
  const list = (name: string) => (values.get(name) as string[] | undefined) ?? [];
  const file = values.get("conditions-file") as string | undefined;
  const conditions = [...(file === undefined ? [] : readConditionsFile(file, command)), ...parseConditionFlags(list("condition"), command)];
  return { requireNodes: parseRequireNodes(list("require-node"), command), conditions: conditions.length > 0 ? conditions : undefined };
}
