/**
 * Issue 14, class 7 (the latest-run lookup): the window is checked against the detailed read as well as
 * the list; paging stops only on an empty page (never because of `total`, `size` or a short page); the
 * list item and the detailed run must name the same workflow ID, and identity is compared by ID, never by
 * display name.
 */
import { getLatestWorkflowExecution, isResponseValidationError } from "fgs-workflow-gate";
import { runInProcess } from "./support/cli";
import { cliEnv, connection, executionBody, executionIdOf, isListPath, isoIn, listItem, WORKFLOW, workflowUrn } from "./support/fixtures";
import { send, startHttpServer, type HttpServer, type SeenRequest } from "./support/httpServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Page = (req: SeenRequest) => Record<string, unknown>;

/** Lists serve `page`; a detailed read serves `detail(id)`. */
async function serve(page: Page, detail: (id: string) => Record<string, unknown>): Promise<string> {
  server = await startHttpServer((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, detail(id));
    if (isListPath(req.path)) return send(res, 200, page(req));
    send(res, 404, { error_code: "FSS.0404", error_msg: "not found" });
  });
  return server.url;
}

const onePage = (items: unknown[]): Page => (req) => ({ executions: req.query.get("offset") === "0" ? items : [] });
const lookup = (url: string, extra: Record<string, unknown> = {}) =>
  settleWithin(getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(url), maxRetries: 0, ...extra }), 10_000);
const LAST_HOUR = { since: new Date(Date.now() - 3_600_000) };

const DETAIL_BEGIN: Record<string, string | undefined> = {
  "ten days before the window": isoIn(-10 * 24 * 60),
  "an hour after the window (until now)": isoIn(60),
  "missing": undefined,
  'empty ("")': "",
};

describe.each(Object.keys(DETAIL_BEGIN))("the list puts the run in the window, its detail's begin time is %s", (when) => {
  test.each([
    ["a plain lookup", {}],
    ["a lookup requiring success", { requireStatus: "success" }],
  ])("%s never passes", async (_name, gate) => {
    const url = await serve(onePage([listItem("exec-1", isoIn(-5))]), (id) => executionBody({ executionId: id, beginTime: DETAIL_BEGIN[when] }));
    const e = rejection(await lookup(url, { ...LAST_HOUR, until: new Date(), ...gate }));
    expect(isLibraryError(e)).toBe(true);
    expect(server!.requests.length).toBeGreaterThan(0);
  });
});

test("a run without a begin time in the list and in its detail never passes as the latest in the window", async () => {
  const url = await serve(onePage([listItem("exec-1", undefined)]), (id) => executionBody({ executionId: id, beginTime: undefined }));
  const e = rejection(await lookup(url, { ...LAST_HOUR, requireStatus: "success" }));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

/** 401 runs over `pages`; the newest, `exec-newest`, is the very last item. */
function pagedRuns(shape: (req: SeenRequest, items: unknown[]) => Record<string, unknown>, perPage = 200): { page: Page; emptyServed: () => boolean } {
  const all = Array.from({ length: 400 }, (_, i) => listItem(`exec-${String(i).padStart(3, "0")}`, isoIn(-50 + i / 10)));
  all.push(listItem("exec-newest", isoIn(-1)));
  let empty = false;
  const page: Page = (req) => {
    const offset = Number(req.query.get("offset"));
    const items = all.slice(offset, offset + Math.min(perPage, Number(req.query.get("limit"))));
    if (items.length === 0) empty = true;
    return shape(req, items);
  };
  return { page, emptyServed: () => empty };
}

const PAGING: Record<string, () => ReturnType<typeof pagedRuns>> = {
  "a total that is too small": () => pagedRuns((_r, items) => ({ total: 1, executions: items })),
  "a size smaller than the page": () => pagedRuns((_r, items) => ({ size: 10, executions: items })),
  "pages shorter than asked for (50 of 200)": () => pagedRuns((_r, items) => ({ executions: items }), 50),
  "a total of 0": () => pagedRuns((_r, items) => ({ total: 0, size: 0, executions: items })),
};

test.each(Object.keys(PAGING))("paging goes on until an empty page despite %s, and finds the newest run", async (name) => {
  const { page, emptyServed } = PAGING[name]!();
  const url = await serve(page, (id) => executionBody({ executionId: id, beginTime: isoIn(-1) }));
  const outcome = await lookup(url, LAST_HOUR);
  expect(outcome.state === "fulfilled" ? outcome.value.executionId : outcome.state).toBe("exec-newest");
  expect(emptyServed()).toBe(true);
});

test("a server that ignores offset (the same full page every time) is detected: ResponseValidationError", async () => {
  const same = Array.from({ length: 200 }, (_, i) => listItem(`exec-${i}`, isoIn(-5)));
  const url = await serve(() => ({ executions: same }), (id) => executionBody({ executionId: id }));
  const e = rejection(await lookup(url, LAST_HOUR));
  expect(isResponseValidationError(e)).toBe(true);
});

test("a detail naming another workflow ID than the list item is an error", async () => {
  const url = await serve(onePage([listItem("exec-1", isoIn(-5))]), (id) => executionBody({ executionId: id, workflowId: "wf-other" }));
  const e = rejection(await lookup(url, LAST_HOUR));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

test("a list item naming another workflow is an error", async () => {
  const url = await serve(onePage([listItem("exec-1", isoIn(-5), "success", "wf-other")]), (id) => executionBody({ executionId: id }));
  const e = rejection(await lookup(url, LAST_HOUR));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

describe("by name: identity is the workflow ID, never the display name", () => {
  /** Huawei's published example: the workflow is named "test-flow", its URN segment is "testflow". */
  async function serveNamed(detailWorkflowId: string): Promise<string> {
    server = await startHttpServer((req, res) => {
      const id = executionIdOf(req.path);
      if (id !== undefined) return send(res, 200, executionBody({ executionId: id, workflowId: detailWorkflowId, urnName: "testflow" }));
      if (isListPath(req.path)) return send(res, 200, onePage([listItem("exec-1", isoIn(-5))])(req));
      const workflows = [{ id: WORKFLOW, name: "test-flow", workflow_urn: workflowUrn("testflow") }];
      send(res, 200, { workflows: req.query.get("offset") === "0" ? workflows : [] });
    });
    return server.url;
  }

  test('a run of "test-flow" whose URN says "testflow" is found and read', async () => {
    const outcome = await lookup(await serveNamed(WORKFLOW), { ...LAST_HOUR, workflowId: undefined, workflowName: "test-flow" });
    expect(outcome.state === "fulfilled" ? outcome.value.executionId : outcome.state).toBe("exec-1");
  });

  test("a detail naming another workflow ID than the one resolved from the name is an error", async () => {
    const url = await serveNamed("wf-other");
    const e = rejection(await lookup(url, { ...LAST_HOUR, workflowId: undefined, workflowName: "test-flow" }));
    expect(isLibraryError(e)).toBe(true);
    expect(server!.requests.length).toBeGreaterThan(0);
  });
});

test("fgs-execution latest exits non-zero and prints no run when the detail's begin time is outside the window", async () => {
  const url = await serve(onePage([listItem("exec-1", isoIn(-5))]), (id) => executionBody({ executionId: id, beginTime: isoIn(-10 * 24 * 60) }));
  const run = await runInProcess(["latest", "--workflow-id", WORKFLOW, "--since", new Date(Date.now() - 3_600_000).toISOString(), "--output", "json"], cliEnv(url));
  expect(run.code).not.toBe(0);
  expect(server!.requests.length).toBeGreaterThan(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});
