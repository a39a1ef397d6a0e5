/**
 * Program side: `getLatestWorkflowExecutionOutput` (and its payload variant) under `setMocks`, against the
 * emulator started in-process on port 0 with a scenario in which workflows have several runs. They run
 * in the program process, so there is no provider host; credentials come from stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { isConfigurationError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { isNoExecutionFoundError } from "../../provider/latest/errors";
import { getLatestWorkflowExecutionOutput, getLatestWorkflowExecutionWithPayloadsOutput } from "../../provider/pulumi/output";
import {
  AMBIGUOUS_NAME,
  FLAKY,
  NIGHTLY,
  PAYLOAD_SECRET,
  QUIET,
  RELEASE,
  connection,
  startLatestEmulator,
  type LatestEmulator,
} from "./harness/latestScenario";
import { isKnown, isSecret, quiet, valueOf } from "./harness/outputs";
import { useRecordingMocks } from "./harness/recordingMocks";

let emulator: LatestEmulator;

beforeAll(async () => {
  emulator = await startLatestEmulator();
  await useRecordingMocks();
  pulumi.runtime.setAllConfig({
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud:secretKey": emulator.credentials.secretKey,
  });
});
afterAll(() => emulator?.close());
// Appearing runs count list calls: every test starts from the emulator's first state.
beforeEach(() => emulator.reset());

/** Requests by route since the last reset. */
function routes(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of emulator.requests) out[r.route] = (out[r.route] ?? 0) + 1;
  return out;
}

/** Settles an Output that is expected to fail and returns its error. */
async function failureOf(out: pulumi.Output<unknown>): Promise<Error & { code?: string; setting?: string }> {
  quiet(out);
  return valueOf(out).then(
    () => {
      throw new Error("expected the Output to reject");
    },
    (e: Error) => e,
  );
}

test("by workflow ID: the newest of several runs, gated, without payloads and not secret", async () => {
  const out = getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowId: RELEASE.id, requireStatus: "success" });
  const e = await valueOf(out);
  expect(e).toMatchObject({ executionId: RELEASE.newest, workflowId: RELEASE.id, status: "success", succeeded: true });
  expect(e.nodes.map((n) => n.nodeName)).toEqual(["build", "deploy-canary"]);
  expect(e.input).toBeUndefined();
  expect(e.headers).toBeUndefined();
  expect(JSON.stringify(e)).not.toContain(PAYLOAD_SECRET);
  expect(await isSecret(out)).toBe(false);
  // Each list is read up to the empty page that ends it: two list calls.
  expect(routes()).toEqual({ listExecutions: 2, showExecution: 1 });
});

test("by exact name: release-checks-v2 (matched by the server's filter, with a newer run) is not taken", async () => {
  const e = await valueOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: RELEASE.name }));
  expect(e).toMatchObject({ workflowId: RELEASE.id, executionId: RELEASE.newest });
  expect(routes()).toEqual({ listWorkflows: 2, listExecutions: 2, showExecution: 1 });
});

test("status filter and a Date window: the newest failed run; nothing since 3 minutes ago", async () => {
  const failed = await valueOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: RELEASE.name, status: "fail" }));
  expect(failed).toMatchObject({ executionId: RELEASE.newestFail, status: "fail" });
  // `since` as a Date must survive pulumi.output (which would turn it into {}); the newest began 5 min ago.
  const since = new Date(Date.now() - 3 * 60_000);
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowId: RELEASE.id, since }));
  expect(isNoExecutionFoundError(err)).toBe(true);
  expect(err.code).toBe("FGS_NO_EXECUTION");
});

test("WithPayloadsOutput: plain summary, secret payloads, from one lookup", async () => {
  const { execution, payloads } = getLatestWorkflowExecutionWithPayloadsOutput({ ...connection(emulator), workflowName: RELEASE.name });
  expect((await valueOf(execution)).executionId).toBe(RELEASE.newest);
  expect(await isSecret(execution)).toBe(false);
  expect(await isSecret(payloads)).toBe(true);
  const p = await valueOf(payloads);
  expect(p.input).toMatchObject({ version: "2.1.0", token: PAYLOAD_SECRET });
  expect(p.nodes.find((n) => n.nodeName === "deploy-canary")!.executions[0].output).toEqual({ canary: PAYLOAD_SECRET });
  expect(JSON.stringify(await valueOf(execution))).not.toContain(PAYLOAD_SECRET);
  expect(routes()).toEqual({ listWorkflows: 2, listExecutions: 2, showExecution: 1 });
});

test("exposePayloads keeps the payloads inline (opt-out, plain text)", async () => {
  const e = await valueOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowId: RELEASE.id, exposePayloads: true }));
  expect(e.input).toMatchObject({ token: PAYLOAD_SECRET });
});

test("accepts Outputs; a secret argument makes the result secret", async () => {
  const out = getLatestWorkflowExecutionOutput({
    ...connection(emulator),
    workflowName: pulumi.output(RELEASE.name),
    projectId: pulumi.secret(connection(emulator).projectId),
  });
  expect((await valueOf(out)).executionId).toBe(RELEASE.newest);
  expect(await isSecret(out)).toBe(true);
});

test("a failed gate on the latest run rejects with the WorkflowGateError naming the node", async () => {
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: FLAKY.name, requireStatus: "success" }));
  expect(isWorkflowGateError(err)).toBe(true);
  expect(err.message).toContain(FLAKY.newest);
  expect(err.message).toContain(`node ${FLAKY.failedNode} failed`);
  expect(err.message).toContain("3 of 120 tests failed");
  expect(err.message).not.toContain(PAYLOAD_SECRET);
});

test("an unknown name fails clearly (ConfigurationError on workflowName, near misses named) and reads no run", async () => {
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: "release-check" }));
  expect(isConfigurationError(err)).toBe(true);
  expect(err.setting).toBe("workflowName");
  expect(err.message).toMatch(/No workflow named "release-check"/);
  expect(err.message).toContain('"release-checks"');
  expect(routes()).toEqual({ listWorkflows: 2 });
});

test("an ambiguous name fails with the matching IDs", async () => {
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: AMBIGUOUS_NAME }));
  expect(err.setting).toBe("workflowName");
  expect(err.message).toMatch(/2 workflows are named "deploy".*wf-deploy-a, wf-deploy-b/);
});

test("neither workflowId nor workflowName: a ConfigurationError before any request", async () => {
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator) }));
  expect(isConfigurationError(err)).toBe(true);
  expect(err.message).toMatch(/workflowId or workflowName/);
  expect(emulator.requests).toHaveLength(0);
});

test("no run in the window: NoExecutionFoundError in every mode", async () => {
  const err = await failureOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: QUIET.name, mode: "report" }));
  expect(isNoExecutionFoundError(err)).toBe(true);
});

test("each Output call looks again: a run that appeared since is chosen", async () => {
  const first = await valueOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowId: NIGHTLY.id }));
  const second = await valueOf(getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowId: NIGHTLY.id }));
  expect([first.executionId, second.executionId]).toEqual([NIGHTLY.first, NIGHTLY.appearing]);
});

test("an unknown workflow name (preview) makes no request and yields an unknown Output", async () => {
  const unknownName = pulumi.output(Promise.resolve(RELEASE.name)).apply(() => pulumi.unknown as unknown as string);
  const out = getLatestWorkflowExecutionOutput({ ...connection(emulator), workflowName: unknownName });
  expect(await isKnown(out)).toBe(false);
  expect(emulator.requests).toHaveLength(0);
});
