/**
 * Issue 14, class 7, beyond the named cases: the status filter is a part of the choice, so the detailed
 * read must confirm it too; and the workflow-name lookup pages like the run list, on to an empty page,
 * whatever `total`, `size` or a short page say.
 */
import { getLatestWorkflowExecution } from "fgs-workflow-gate";
import { connection, executionBody, executionIdOf, isListPath, isoIn, listItem, WORKFLOW, workflowUrn } from "./support/fixtures";
import { send, startHttpServer, type HttpServer, type SeenRequest } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const lookup = (url: string, extra: Record<string, unknown>) =>
  settleWithin(getLatestWorkflowExecution({ ...connection(url), maxRetries: 0, since: new Date(Date.now() - 3_600_000), ...extra }), 10_000);

test.each(["fail", "running", "cancel"])("status filter success: a run listed as success whose detail says %s never passes", async (detailStatus) => {
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, executionBody({ executionId: id, status: detailStatus }));
    send(res, 200, { executions: req.query.get("offset") === "0" ? [listItem("exec-1", isoIn(-5), "success")] : [] });
  });
  const e = rejection(await lookup(server.url, { workflowId: WORKFLOW, status: "success" }));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

/** 160 workflows whose names only contain the one asked for, then the exact match, served in `shape`. */
function namedWorkflows(shape: (items: unknown[], req: SeenRequest) => Record<string, unknown>, perPage = 200) {
  const all = Array.from({ length: 160 }, (_, i) => ({ id: `wf-near-${i}`, name: `trust-flow-${i}`, workflow_urn: workflowUrn(`trust-flow-${i}`) }));
  all.push({ id: WORKFLOW, name: "trust-flow", workflow_urn: workflowUrn("trust-flow") });
  return (req: SeenRequest) => {
    const offset = Number(req.query.get("offset"));
    return shape(all.slice(offset, offset + Math.min(perPage, Number(req.query.get("limit")))), req);
  };
}

const NAME_PAGING: Record<string, () => (req: SeenRequest) => Record<string, unknown>> = {
  "pages of 40 when 200 were asked for": () => namedWorkflows((items) => ({ workflows: items }), 40),
  "a total of 1": () => namedWorkflows((items) => ({ total: 1, workflows: items }), 40),
  "a size of 5": () => namedWorkflows((items) => ({ size: 5, workflows: items }), 40),
};

test.each(Object.keys(NAME_PAGING))("the name lookup pages on to an empty page despite %s, and finds the exact name", async (name) => {
  const workflows = NAME_PAGING[name]!();
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, executionBody({ executionId: id }));
    if (isListPath(req.path)) return send(res, 200, { executions: req.query.get("offset") === "0" ? [listItem("exec-1", isoIn(-5))] : [] });
    send(res, 200, workflows(req));
  });
  const outcome = await lookup(server.url, { workflowName: "trust-flow" });
  expect(outcome.state === "fulfilled" ? outcome.value.workflowId : outcome.state).toBe(WORKFLOW);
});
