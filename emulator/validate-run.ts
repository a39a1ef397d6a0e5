/** Validation of `Scenario.runTemplates` (see `ScenarioRunTemplate`). */
import type { Checker } from "./check";
import { EMULATOR_STATUSES } from "./scenario";
import { validateNodes, validateStage } from "./validate-nodes";
import { validateFault } from "./validate-fault";

const TEMPLATE_KEYS = [
  "$comment", "summary", "status", "beginTime", "endTime", "lastUpdateTime", "createdBy", "output", "nodes", "progress", "faults", "startFaults",
];

/** Validates the templates object, reporting into `c`. */
export function validateRunTemplates(c: Checker, value: unknown): void {
  if (!c.object(value, "runTemplates")) return;
  for (const [name, t] of Object.entries(value)) {
    const path = `runTemplates.${name}`;
    if (!c.object(t, path, TEMPLATE_KEYS)) continue;
    c.optString(t, "summary", path);
    c.oneOf(t.status, `${path}.status`, EMULATOR_STATUSES);
    for (const k of ["beginTime", "endTime", "lastUpdateTime"]) c.optTime(t, k, path);
    c.optString(t, "createdBy", path);
    c.optObject(t, "output", path);
    if (t.nodes !== undefined) validateNodes(c, t.nodes, `${path}.nodes`);
    if (t.progress !== undefined && c.array(t.progress, `${path}.progress`)) {
      t.progress.forEach((s, i) => validateStage(c, s, `${path}.progress[${i}]`));
    }
    for (const key of ["faults", "startFaults"]) {
      const list = t[key];
      if (list !== undefined && c.array(list, `${path}.${key}`)) list.forEach((f, i) => validateFault(c, f, `${path}.${key}[${i}]`));
    }
  }
}
