/** Workflow name resolution: exact matches only, ambiguous and unknown names are clear errors. */
import type { RunningEmulator } from "../../emulator";
import { isConfigurationError } from "../../provider/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { connection, counts, quietContext, start } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function failure(p: Promise<unknown>): Promise<Error & { setting?: string }> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  if (!(e instanceof Error)) throw new Error("expected a rejection");
  return e;
}

test("a name that other workflows only contain, or match in another case, resolves to the exact one", async () => {
  // "release-checks" also matches release-checks-v2 and Release-Checks on the server; both have a newer run.
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "release-checks" }, quietContext());
  expect(e.workflowId).toBe("wf-release");
  expect(e.executionId).toBe("rel-fail");
  expect(counts(emu)).toEqual({ listWorkflows: 2, listExecutions: 2, showExecution: 1 });
  const list = emu.requests.find((r) => r.route === "listWorkflows");
  expect(list?.query).toEqual({ workflow_name: "release-checks", limit: "200", offset: "0" });
});

test("the workflow list is paged until an empty page, whatever total says", async () => {
  const ctx = quietContext({ workflowPaging: { limit: 1, maxPages: 10 } });
  const e = await getLatestWorkflowExecution({ ...connection(emu), workflowName: "release-checks" }, ctx);
  expect(e.workflowId).toBe("wf-release");
  expect(counts(emu).listWorkflows).toBe(4); // three workflows contain the name, then the empty page
  expect(emu.requests.filter((r) => r.route === "listWorkflows").map((r) => r.query.offset)).toEqual(["0", "1", "2", "3"]);
});

test("two workflows with exactly that name: an error listing both IDs, and no run is read", async () => {
  const e = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowName: "deploy" }, quietContext()));
  expect(isConfigurationError(e)).toBe(true);
  expect(e.setting).toBe("workflowName");
  expect(e.message).toMatch(/2 workflows are named "deploy"/);
  expect(e.message).toContain("wf-deploy-a");
  expect(e.message).toContain("wf-deploy-b");
  expect(e.message).toContain("pass workflowId");
  expect(e.message).not.toContain("wf-deploy-staging");
  expect(counts(emu)).toEqual({ listWorkflows: 2 });
});

test("an unknown name: an error naming the project and the near misses", async () => {
  const e = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowName: "release" }, quietContext()));
  expect(isConfigurationError(e)).toBe(true);
  expect(e.setting).toBe("workflowName");
  expect(e.message).toContain(`No workflow named "release" in project ${emu.projectId}`);
  expect(e.message).toContain('"release-checks"');
  expect(e.message).toContain('"Release-Checks"');

  const none = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowName: "nothing-like-it" }, quietContext()));
  expect(none.message).toMatch(/^No workflow named "nothing-like-it" in project \S+ \(names are matched exactly and case-sensitively\)$/);
});

test("a bad combination of arguments fails before any request", async () => {
  const both = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", workflowName: "release-checks" }, quietContext()));
  expect(isConfigurationError(both)).toBe(true);
  const neither = await failure(getLatestWorkflowExecution({ ...connection(emu) }, quietContext()));
  expect(neither.setting).toBe("workflowId");
  const status = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", status: "paused" as never }, quietContext()));
  expect(status.setting).toBe("status");
  const gate = await failure(getLatestWorkflowExecution({ ...connection(emu), workflowId: "wf-release", requireStatus: "running" as never }, quietContext()));
  expect(gate.setting).toBe("requireStatus");
  expect(emu.requests).toHaveLength(0);
});
