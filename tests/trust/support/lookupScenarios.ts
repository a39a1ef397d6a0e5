/**
 * Answers of the lookups around a run (workflow list, IAM projects, run list) that put server text into
 * the library's own messages: near-miss names, ambiguous names and projects with their IDs, IDs that
 * cannot go into a path, an IAM error. Each scenario is built from two texts the test chooses (a long one
 * and one short enough for a 64-character ID), plus how to call the library and the CLI on it.
 */
import { CREDENTIALS, executionBody, executionIdOf, isListPath, isoIn, listItem, WORKFLOW, workflowUrn } from "./fixtures";
import { send, type Handler } from "./httpServer";

export interface LookupScenario {
  handler: Handler;
  /** Arguments of getLatestWorkflowExecution (by name or ID) or, with `byProjectDiscovery`, getWorkflowExecution. */
  args: Record<string, unknown>;
  byProjectDiscovery?: boolean;
  argv: string[];
}

const REGION = "cn-north-4";
const page = (offset: string | null, items: unknown[]) => (offset === "0" ? items : []);

function routes(parts: { workflows?: unknown[]; projects?: unknown[]; iamError?: unknown; executions?: unknown[] }): Handler {
  return (req, res) => {
    const offset = req.query.get("offset");
    if (req.path.endsWith("/v3/projects")) {
      return parts.iamError ? send(res, 400, parts.iamError) : send(res, 200, { projects: parts.projects ?? [] });
    }
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, executionBody({ executionId: id }));
    if (isListPath(req.path)) return send(res, 200, { executions: page(offset, parts.executions ?? [listItem("exec-1", isoIn(-5))]) });
    send(res, 200, { workflows: page(offset, parts.workflows ?? []) });
  };
}

const workflow = (id: string, name: string) => ({ id, name, workflow_urn: workflowUrn("trust-flow") });
const byName = { args: { workflowName: "trust-flow" }, argv: ["latest", "--workflow-name", "trust-flow"] };
const discovery = {
  args: { workflowId: WORKFLOW, executionId: "exec-1", region: REGION, credentials: CREDENTIALS },
  byProjectDiscovery: true,
  argv: ["get", "--workflow-id", WORKFLOW, "--execution-id", "exec-1"],
};

export function lookupScenarios(long: string, short: string): Record<string, LookupScenario> {
  return {
    "near-miss workflow names": { handler: routes({ workflows: [workflow("wf-a", `trust-flow ${long}`), workflow("wf-b", long)] }), ...byName },
    "two workflows with the exact name": {
      handler: routes({ workflows: [workflow(`wf-1${short}`, "trust-flow"), workflow(`wf-2${short}`, "trust-flow")] }),
      ...byName,
    },
    "a workflow ID that cannot go into a path": { handler: routes({ workflows: [workflow(`../${short}`, "trust-flow")] }), ...byName },
    "a run ID that cannot go into a path": {
      handler: routes({ executions: [listItem(`../${short}`.slice(0, 64), isoIn(-5))] }),
      args: { workflowId: WORKFLOW },
      argv: ["latest", "--workflow-id", WORKFLOW],
    },
    "two IAM projects named the region": {
      handler: routes({ projects: [{ id: `p1${short}`.slice(0, 64), name: REGION }, { id: `p2${short}`.slice(0, 64), name: REGION }] }),
      ...discovery,
    },
    "no IAM project of the region, others named by the server": { handler: routes({ projects: [{ id: "p1", name: long }] }), ...discovery },
    "an IAM error": { handler: routes({ iamError: { error: { code: "IAM.0001", message: long } } }), ...discovery },
  };
}
