/**
 * Issue 14, class 7: the run chosen from the list must be confirmed by its detailed read (IDs, a begin
 * time inside the window, not before the runner-up), a run without a begin time is never "the latest in
 * the window", identity is by ID and never by display name, and paging trusts no `total`, `size` or
 * short page. Each case is a small scripted server on 127.0.0.1.
 */
import { isResponseValidationError } from "../../provider/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { isNoExecutionFoundError } from "../../provider/latest/errors";
import { connection, executionBody, executionIdOf, isoIn, json, listItem, loopback, type Loopback, quiet, type RunSpec, WORKFLOW } from "../gate/loopback";

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Lists execution `pages` (by offset; any other offset is empty) and workflow `workflows` (at offset 0),
 * and answers each run's read with `details`.
 */
async function serve(pages: Record<number, unknown>, details: Record<string, RunSpec>, workflows?: unknown): Promise<string> {
  server = await loopback((req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return json(res, executionBody(details[id] ?? { id }));
    const offset = Number(req.query.get("offset"));
    if (req.path.endsWith("/workflows")) return json(res, offset === 0 && workflows ? workflows : { workflows: [] });
    json(res, pages[offset] ?? { executions: [] });
  });
  return server.url;
}

const since = () => new Date(Date.now() - 3_600_000).toISOString();
const until = () => new Date(Date.now() + 60_000).toISOString();
const lookup = (url: string, extra: Record<string, unknown> = {}) =>
  getLatestWorkflowExecution({ ...connection(url), workflowId: WORKFLOW, since: since(), until: until(), requireStatus: "success", ...extra }, quiet).catch(
    (e: unknown) => e as Error,
  );
const showReads = () => (server as Loopback).requests.filter((r) => executionIdOf(r.path) !== undefined).length;

describe("the detailed read must confirm the choice", () => {
  test.each([
    ["before since", () => isoIn(-120)],
    ["after until", () => isoIn(30)],
  ])("a detail that began %s fails closed", async (_, detailBegin) => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-1", beginTime: isoIn(-5) })] } }, { "e-1": { id: "e-1", beginTime: detailBegin() } });
    const err = await lookup(url);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/contradicts the list: \/begin_time is not a time in the window/);
  });

  test("a detail without a begin time fails closed", async () => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-1", beginTime: isoIn(-5) })] } }, { "e-1": { id: "e-1" } });
    const err = await lookup(url);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/\/begin_time is not a begin time/);
  });

  test("a detail that began before the runner-up in the list fails closed", async () => {
    const items = [listItem({ id: "e-new", beginTime: isoIn(-5) }), listItem({ id: "e-old", beginTime: isoIn(-20) })];
    const url = await serve({ 0: { executions: items } }, { "e-new": { id: "e-new", beginTime: isoIn(-30) } });
    const err = await lookup(url);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/no earlier than .* when the next latest run in the list began/);
  });

  test("a detail naming another workflow ID fails closed", async () => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-1", beginTime: isoIn(-5) })] } }, { "e-1": { id: "e-1", beginTime: isoIn(-5), workflowId: "wf-other" } });
    const err = await lookup(url);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toContain("workflow_id");
  });

  test("a detail that agrees passes, and the window is checked on every poll of a wait", async () => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-1", beginTime: isoIn(-5) })] } }, { "e-1": { id: "e-1", beginTime: isoIn(-5) } });
    const e = await lookup(url, { waitForCompletion: { timeoutSeconds: 5, minIntervalSeconds: 0.01, maxIntervalSeconds: 0.01 } });
    expect(e).toMatchObject({ executionId: "e-1", succeeded: true });
  });
});

describe("a run without a begin time is never the latest in the window", () => {
  test("the only run of the list has none: no execution found, and no run is read", async () => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-1" })] } }, {});
    const err = await lookup(url);
    expect(isNoExecutionFoundError(err)).toBe(true);
    expect((err as Error).message).toContain("(1 listed in the window)");
    expect(showReads()).toBe(0);
  });

  test("a run with a begin time is chosen over one without, whatever the order", async () => {
    const url = await serve({ 0: { executions: [listItem({ id: "e-none" }), listItem({ id: "e-1", beginTime: isoIn(-50) })] } }, { "e-1": { id: "e-1", beginTime: isoIn(-50) } });
    expect(await lookup(url)).toMatchObject({ executionId: "e-1" });
  });
});

test("identity is by ID: a workflow named test-flow whose URN says testflow is found and passes", async () => {
  const workflows = { total: 1, size: 1, workflows: [{ id: WORKFLOW, name: "test-flow", workflow_urn: `urn:fss:cn-north-4:p:workflow:default:testflow:latest` }] };
  const url = await serve(
    { 0: { executions: [listItem({ id: "e-1", beginTime: isoIn(-5), urnName: "testflow" })] } },
    { "e-1": { id: "e-1", beginTime: isoIn(-5), urnName: "testflow" } },
    workflows,
  );
  const e = await getLatestWorkflowExecution({ ...connection(url), workflowName: "test-flow", requireStatus: "success" }, quiet);
  expect(e).toMatchObject({ workflowId: WORKFLOW, executionId: "e-1", urn: { workflowName: "testflow" } });
});

describe("paging trusts only an empty page", () => {
  test("total and size saying 1 do not hide the newer run on the next page", async () => {
    const url = await serve(
      { 0: { total: 1, size: 1, executions: [listItem({ id: "e-old", beginTime: isoIn(-30) })] }, 1: { total: 1, size: 1, executions: [listItem({ id: "e-new", beginTime: isoIn(-2) })] } },
      { "e-new": { id: "e-new", beginTime: isoIn(-2) } },
    );
    expect(await lookup(url)).toMatchObject({ executionId: "e-new" });
    const offsets = (server as Loopback).requests.filter((r) => r.path.endsWith("/executions")).map((r) => r.query.get("offset"));
    expect(offsets).toEqual(["0", "1", "2"]);
  });

  test("a page shorter than asked is not the end", async () => {
    const first = [listItem({ id: "e-a", beginTime: isoIn(-40) }), listItem({ id: "e-b", beginTime: isoIn(-30) })];
    const url = await serve({ 0: { executions: first }, 2: { executions: [listItem({ id: "e-c", beginTime: isoIn(-1) })] } }, { "e-c": { id: "e-c", beginTime: isoIn(-1) } });
    expect(await lookup(url)).toMatchObject({ executionId: "e-c" });
  });

  test("a server that repeats its page (offset ignored) fails closed, even when the page is short", async () => {
    server = await loopback((req, res) => json(res, { executions: [listItem({ id: "e-1", beginTime: isoIn(-5) })] }));
    const err = await lookup(server.url);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/ignore offset/);
    expect(showReads()).toBe(0);
  });
});
