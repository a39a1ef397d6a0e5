/**
 * Loading a scenario: from an object or a JSON file, validated, deep-copied (the caller's object is never
 * touched) and with `basedOn` references expanded, so the rest of the emulator sees self-contained runs.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import defaultScenarioJson from "./scenarios/default.json";
import { ScenarioError } from "./check";
import type { Scenario, ScenarioExecution } from "./scenario";
import { validateScenario } from "./validate";

const besideCode = path.resolve(__dirname, "scenarios", "default.json");
// Compiled into dist/emulator/, the source copy (also shipped in the package) is ../../emulator/scenarios/.
const sourceCopy = path.resolve(__dirname, "..", "..", "emulator", "scenarios", "default.json");
/**
 * Path of the shipped default scenario, for messages and for copying as a starting point. `loadScenario()`
 * itself uses the same file as imported at build time (tsc copies it next to the compiled code), so it
 * needs no file I/O; the source copy is named here when it exists because that is the one to edit.
 */
export const DEFAULT_SCENARIO_PATH: string =
  path.basename(path.dirname(__dirname)) === "dist" && existsSync(sourceCopy) ? sourceCopy : besideCode;

/** Fields `basedOn` copies from the referenced execution when the execution does not set them itself. */
const INHERITED = ["status", "beginTime", "endTime", "lastUpdateTime", "createdBy", "headers", "input", "output", "nodes"] as const;

/**
 * Validates and normalizes a scenario given as an object, a path to a JSON file, or nothing (the shipped
 * default). Throws `ScenarioError` listing every problem.
 */
export function loadScenario(input?: Scenario | string): Scenario {
  let raw: unknown;
  let source: string;
  if (input === undefined) {
    raw = defaultScenarioJson;
    source = "default scenario";
  } else if (typeof input === "string") {
    source = input;
    raw = readJson(input);
  } else {
    raw = input;
    source = "scenario object";
  }
  const problems = validateScenario(raw);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  const scenario = structuredClone(raw) as Scenario;
  expandBasedOn(scenario);
  return scenario;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ScenarioError(file, [`cannot read the file: ${(e as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
}

function expandBasedOn(scenario: Scenario): void {
  const byId = new Map<string, ScenarioExecution>();
  for (const w of scenario.workflows) for (const e of w.executions) byId.set(e.id, e);
  for (const w of scenario.workflows) {
    for (const e of w.executions) {
      if (e.basedOn === undefined) continue;
      const target = byId.get(e.basedOn) as ScenarioExecution;
      const fields = e as unknown as Record<string, unknown>;
      for (const key of INHERITED) {
        if (fields[key] === undefined && target[key] !== undefined) fields[key] = structuredClone(target[key]);
      }
      delete e.basedOn;
    }
  }
}
