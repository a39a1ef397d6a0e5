/**
 * Structural validation of a scenario (see `scenario.ts` for the meaning of each field). Unknown fields are
 * errors so that a typo in a hand-written scenario does not silently change what is served.
 */
import { Checker, type Obj } from "./check";
import { validateFault } from "./validate-fault";
import { EMULATOR_STATUSES } from "./scenario";
import { validateNodes, validateStage } from "./validate-nodes";
import { validateRunTemplates } from "./validate-run";

const SCENARIO_KEYS = ["$schema", "$comment", "projectId", "region", "domainId", "iamProjects", "historyTruncateBytes", "runTemplates", "workflows"];
const IAM_KEYS = ["id", "name", "enabled", "domainId"];
const WORKFLOW_KEYS = ["$comment", "id", "name", "description", "package", "version", "createdTime", "updatedTime", "createdBy", "express", "executions"];
const EXECUTION_KEYS = [
  "$comment", "id", "summary", "basedOn", "status", "beginTime", "endTime", "lastUpdateTime", "createdBy", "headers",
  "input", "output", "nodes", "progress", "appearAfterListCalls", "appearAfterSeconds", "faults", "raw", "rawText",
  "truncateRawHistory", "large",
];
const LARGE_KEYS = ["nodes", "executionsPerNode", "status", "outputBytes"];
const BODY_FIELDS = ["status", "beginTime", "endTime", "lastUpdateTime", "createdBy", "headers", "input", "output", "nodes", "progress"];

/** Validates `value` as a Scenario; returns the list of problems (empty when valid). */
export function validateScenario(value: unknown): string[] {
  const c = new Checker();
  if (!c.object(value, "scenario", SCENARIO_KEYS)) return c.problems;
  c.string(value.projectId, "projectId", 1, 64);
  c.string(value.region, "region", 1, 64);
  c.optString(value, "domainId", "scenario");
  c.optInteger(value, "historyTruncateBytes", "scenario", 0);
  if (value.iamProjects !== undefined && c.object(value.iamProjects, "iamProjects")) {
    for (const [region, list] of Object.entries(value.iamProjects)) {
      if (!c.array(list, `iamProjects.${region}`)) continue;
      list.forEach((p, i) => {
        const path = `iamProjects.${region}[${i}]`;
        if (!c.object(p, path, IAM_KEYS)) return;
        c.string(p.id, `${path}.id`, 1, 64);
        c.optString(p, "name", path);
        c.optString(p, "domainId", path);
        if (p.enabled !== undefined && typeof p.enabled !== "boolean") c.fail(`${path}.enabled`, "must be a boolean");
      });
    }
  }
  if (value.runTemplates !== undefined) validateRunTemplates(c, value.runTemplates);
  if (!c.array(value.workflows, "workflows")) return c.problems;
  const workflowIds = new Set<string>();
  const executions = new Map<string, Obj>();
  value.workflows.forEach((w, wi) => {
    const path = `workflows[${wi}]`;
    if (!c.object(w, path, WORKFLOW_KEYS)) return;
    if (c.string(w.id, `${path}.id`, 1, 64)) {
      if (workflowIds.has(w.id)) c.fail(`${path}.id`, `duplicate workflow id "${w.id}"`);
      workflowIds.add(w.id);
    }
    c.string(w.name, `${path}.name`, 1, 64);
    for (const k of ["description", "package", "version", "createdBy"]) c.optString(w, k, path);
    c.optTime(w, "createdTime", path);
    c.optTime(w, "updatedTime", path);
    if (w.express !== undefined && typeof w.express !== "boolean") c.fail(`${path}.express`, "must be a boolean");
    if (!c.array(w.executions, `${path}.executions`)) return;
    w.executions.forEach((e, ei) => {
      const epath = `${path}.executions[${ei}]`;
      if (!c.object(e, epath, EXECUTION_KEYS)) return;
      if (c.string(e.id, `${epath}.id`, 1, 64)) {
        if (executions.has(e.id)) c.fail(`${epath}.id`, `duplicate execution id "${e.id}" (ids are unique across workflows)`);
        executions.set(e.id, e);
      }
      validateExecution(c, e, epath);
    });
  });
  checkBasedOn(c, value.workflows as unknown[], executions);
  return c.problems;
}

function validateExecution(c: Checker, e: Obj, path: string): void {
  const sources = ["raw", "rawText", "large"].filter((k) => k in e);
  const structured = e.status !== undefined || e.basedOn !== undefined;
  if (sources.length + (structured ? 1 : 0) !== 1) {
    c.fail(path, "needs exactly one body source: status (or basedOn), raw, rawText or large");
  }
  if (sources.length > 0) {
    for (const k of BODY_FIELDS) if (e[k] !== undefined) c.fail(`${path}.${k}`, `not allowed with ${sources[0]}`);
  }
  c.optString(e, "summary", path);
  c.optString(e, "basedOn", path);
  if (e.rawText !== undefined) c.string(e.rawText, `${path}.rawText`);
  if (e.truncateRawHistory !== undefined && typeof e.truncateRawHistory !== "boolean") c.fail(`${path}.truncateRawHistory`, "must be a boolean");
  if (e.status !== undefined) c.oneOf(e.status, `${path}.status`, EMULATOR_STATUSES);
  for (const k of ["beginTime", "endTime", "lastUpdateTime"]) c.optTime(e, k, path);
  c.optString(e, "createdBy", path);
  for (const k of ["headers", "input", "output"]) c.optObject(e, k, path);
  if (e.nodes !== undefined) validateNodes(c, e.nodes, `${path}.nodes`);
  if (e.progress !== undefined && c.array(e.progress, `${path}.progress`)) {
    e.progress.forEach((s, i) => validateStage(c, s, `${path}.progress[${i}]`));
  }
  if (e.appearAfterListCalls !== undefined) c.integer(e.appearAfterListCalls, `${path}.appearAfterListCalls`, 0);
  if (e.appearAfterSeconds !== undefined) c.number(e.appearAfterSeconds, `${path}.appearAfterSeconds`, 0);
  if (e.faults !== undefined && c.array(e.faults, `${path}.faults`)) {
    e.faults.forEach((f, i) => validateFault(c, f, `${path}.faults[${i}]`));
  }
  if (e.large !== undefined && c.object(e.large, `${path}.large`, LARGE_KEYS)) {
    c.integer(e.large.nodes, `${path}.large.nodes`, 0, 10_000);
    c.integer(e.large.executionsPerNode, `${path}.large.executionsPerNode`, 0, 10_000);
    if (e.large.status !== undefined) c.oneOf(e.large.status, `${path}.large.status`, EMULATOR_STATUSES);
    c.optInteger(e.large, "outputBytes", `${path}.large`, 0, 1_000_000);
  }
}

/** `basedOn` must name a structured execution that is not itself based on another (one level, no cycles). */
function checkBasedOn(c: Checker, workflows: unknown[], executions: Map<string, Obj>): void {
  workflows.forEach((w, wi) => {
    const list = (w as Obj | null)?.executions;
    if (!Array.isArray(list)) return;
    list.forEach((e: Obj | null, ei) => {
      const ref = e?.basedOn;
      if (typeof ref !== "string") return;
      const target = executions.get(ref);
      const path = `workflows[${wi}].executions[${ei}].basedOn`;
      if (!target) c.fail(path, `no execution with id "${ref}"`);
      else if (target.basedOn !== undefined || target.status === undefined) {
        c.fail(path, `"${ref}" must have its own status (not raw, rawText, large or basedOn)`);
      }
    });
  });
}
