/**
 * Issue 14, class 5, beyond the named cases: the contract holds for every body the library reads (run
 * list, workflow list, IAM projects, error documents), not only the run: HTTP 200 only, no duplicated
 * key, bounded nesting, and a body that is not an object is refused.
 */
import { getLatestWorkflowExecution, getWorkflowExecution, isResponseValidationError } from "fgs-workflow-gate";
import { CREDENTIALS, connection, executionBody, executionIdOf, isListPath, isoIn, listItem, WORKFLOW, workflowUrn } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const DEEP = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
const projects = JSON.stringify({ projects: [{ id: "p-good", name: "cn-north-4" }] });
const workflows = JSON.stringify({ workflows: [{ id: WORKFLOW, name: "trust-flow", workflow_urn: workflowUrn() }] });
const runs = JSON.stringify({ executions: [listItem("exec-1", isoIn(-5))] });

/** [what is read, its answer as [status, text], how to call the library] */
const CASES: Record<string, { iam?: [number, string]; workflows?: [number, string]; runs?: [number, string]; byName?: boolean }> = {
  "IAM projects with a duplicated key": { iam: [200, projects.replace('"id":"p-good"', '"id":"p-evil","id":"p-good"')] },
  "IAM projects nested 200,000 deep": { iam: [200, `${projects.slice(0, -1)},"x":${DEEP}}`] },
  "IAM projects with HTTP 203": { iam: [203, projects] },
  "a workflow list with a duplicated key": { workflows: [200, workflows.replace('"name":"trust-flow"', '"name":"other","name":"trust-flow"')], byName: true },
  "a workflow list with HTTP 206": { workflows: [206, workflows], byName: true },
  "a run list with a duplicated key": { runs: [200, runs.replace('"status":"success"', '"status":"fail","status":"success"')] },
  "a run list nested 200,000 deep": { runs: [200, `${runs.slice(0, -1)},"x":${DEEP}}`] },
  "a run list with HTTP 202": { runs: [202, runs] },
  "a run list that is an array": { runs: [200, `[${runs}]`] },
};

test.each(Object.keys(CASES))("%s is refused (the lookup fails, nothing passes)", async (name) => {
  const c = CASES[name]!;
  server = await startHttpServer((req, res) => {
    const answer = (a: [number, string] | undefined, fallback: string) => send(res, a?.[0] ?? 200, a?.[1] ?? fallback);
    if (req.path.endsWith("/v3/projects")) return answer(c.iam, projects);
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, executionBody({ executionId: id }));
    if (isListPath(req.path)) return req.query.get("offset") === "0" ? answer(c.runs, runs) : send(res, 200, { executions: [] });
    req.query.get("offset") === "0" ? answer(c.workflows, workflows) : send(res, 200, { workflows: [] });
  });
  const where = { endpoint: server.url, credentials: CREDENTIALS, maxRetries: 0 };
  const call = c.iam
    ? getLatestWorkflowExecution({ workflowId: WORKFLOW, region: "cn-north-4", ...where })
    : getLatestWorkflowExecution({ ...(c.byName ? { workflowName: "trust-flow" } : { workflowId: WORKFLOW }), ...connection(server.url), maxRetries: 0 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test.each([
  ["null", "null"],
  ["an array", "[]"],
  ["a string", '"success"'],
])("a run body that is %s is a ResponseValidationError", async (_name, text) => {
  server = await startHttpServer((_req, res) => send(res, 200, text));
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), maxRetries: 0 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isResponseValidationError(e)).toBe(true);
});

test("an error document nested 200,000 deep is still an error of the library, without a crash", async () => {
  server = await startHttpServer((_req, res) => send(res, 400, `{"error_code":"FSS.0400","error_msg":"bad","x":${DEEP}}`));
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), maxRetries: 0 });
  const e = rejection(await settleWithin(call, 10_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});
