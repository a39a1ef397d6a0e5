/** Validation of nodes and progress stages, shared by scenario executions and run templates. */
import type { Checker } from "./check";
import { EMULATOR_STATUSES } from "./scenario";

const NODE_KEYS = ["id", "name", "executionId", "executions"];
const NODE_EXECUTION_KEYS = ["status", "beginTime", "endTime", "input", "output", "errorMessage", "requestId"];
const STAGE_KEYS = ["afterPolls", "afterSeconds", "status", "endTime", "lastUpdateTime", "output", "nodes"];

/** Validates a `nodes` array (of an execution, a stage or a run template). */
export function validateNodes(c: Checker, nodes: unknown, path: string): void {
  if (!c.array(nodes, path)) return;
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    const npath = `${path}[${i}]`;
    if (!c.object(n, npath, NODE_KEYS)) return;
    if (c.string(n.id, `${npath}.id`, 1, 64)) {
      if (ids.has(n.id)) c.fail(`${npath}.id`, `duplicate node id "${n.id}"`);
      ids.add(n.id);
    }
    c.string(n.name, `${npath}.name`);
    c.optString(n, "executionId", npath);
    if (!c.array(n.executions, `${npath}.executions`)) return;
    n.executions.forEach((x, xi) => {
      const xpath = `${npath}.executions[${xi}]`;
      if (!c.object(x, xpath, NODE_EXECUTION_KEYS)) return;
      c.oneOf(x.status, `${xpath}.status`, EMULATOR_STATUSES);
      c.optTime(x, "beginTime", xpath, true);
      c.optTime(x, "endTime", xpath, true);
      for (const k of ["input", "output", "errorMessage"]) c.optObject(x, k, xpath);
      c.optString(x, "requestId", xpath);
    });
  });
}

/** Validates one progress stage. */
export function validateStage(c: Checker, s: unknown, path: string): void {
  if (!c.object(s, path, STAGE_KEYS)) return;
  if ((s.afterPolls === undefined) === (s.afterSeconds === undefined)) c.fail(path, "needs exactly one of afterPolls, afterSeconds");
  if (s.afterPolls !== undefined) c.integer(s.afterPolls, `${path}.afterPolls`, 0);
  if (s.afterSeconds !== undefined) c.number(s.afterSeconds, `${path}.afterSeconds`, 0);
  if (s.status !== undefined) c.oneOf(s.status, `${path}.status`, EMULATOR_STATUSES);
  c.optTime(s, "endTime", path);
  c.optTime(s, "lastUpdateTime", path);
  c.optObject(s, "output", path);
  if (s.nodes !== undefined) validateNodes(c, s.nodes, `${path}.nodes`);
}
