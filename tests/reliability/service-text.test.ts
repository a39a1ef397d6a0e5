/**
 * Text and IDs the service sends back are untrusted: a credential echoed in a node's error, terminal
 * escape sequences in names, and IDs that would change the next request's path must never reach a
 * message, a terminal or a URL as they came.
 */
import { isResponseValidationError } from "../../provider/errors";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { FUZZ_IDS, VALID_BODIES } from "./support/bodies";
import { CANARY, errorLeaks } from "./support/canary";
import { scriptedFetch } from "./support/fakeFetch";
import { isolatedContext } from "./support/faultWorld";

const ENDPOINT = "https://functiongraph.fuzz.example";

function failedBody(errorMessage: Record<string, unknown>, workflowName = "release-checks"): string {
  const body = structuredClone(VALID_BODIES[0]) as Record<string, unknown> & { node_execution_details: Array<{ executions: Array<Record<string, unknown>> }> };
  body.status = "fail";
  body.workflow_urn = `urn:fss:cn-north-4:p-fuzz:workflow:default:${workflowName}:latest`;
  const first = body.node_execution_details[0]?.executions[0] as Record<string, unknown>;
  first.status = "fail";
  first.error_message = errorMessage;
  return JSON.stringify(body);
}

async function gate(text: string, debug: string[] = []) {
  const { fetch } = scriptedFetch(() => ({ body: text }));
  return getWorkflowExecution(
    { endpoint: ENDPOINT, ...FUZZ_IDS, credentials: { ...CANARY }, requireStatus: "success", maxRetries: 0 },
    isolatedContext(debug, { policy: { fetch } }),
  ).then(
    (result) => ({ result, error: undefined as unknown }),
    (error: unknown) => ({ result: undefined, error }),
  );
}

test("a credential echoed in a node's error reaches neither the model nor the gate message", async () => {
  const leak = { error_code: "FSS.1051", error_msg: `signing failed with ${CANARY.secretKey} and token ${CANARY.securityToken}` };
  const { error } = await gate(failedBody(leak));
  expect(isWorkflowGateError(error)).toBe(true);
  expect(errorLeaks(error)).toEqual([]);
  const node = (error as { execution: { failedNodes: Array<{ executions: Array<{ error?: string; errorMessage?: unknown }> }> } })
    .execution.failedNodes[0]?.executions[0];
  expect(node?.error).toContain("signing failed with [redacted] and token [redacted]");
  expect(JSON.stringify(node?.errorMessage)).not.toContain(CANARY.secretKey);
});

test("terminal escape sequences in names never reach a gate message", async () => {
  const { error } = await gate(failedBody({ error_msg: "boom\u001b[2J\u001b]0;owned\u0007" }, "evil\u001b[31mname"));
  expect(isWorkflowGateError(error)).toBe(true);
  // eslint-disable-next-line no-control-regex
  expect((error as Error).message).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect((error as Error).message).toContain("Workflow evil [31mname execution");
});

describe("IDs from the service are checked before they go into a path", () => {
  test.each(["..", "a/b", "x?y", "%2e%2e"])("a chosen execution ID %j", async (bad) => {
    const list = JSON.stringify({ executions: [{ workflow_id: "wf-1", workflow_urn: "urn:fss:r:p:workflow:default:w:latest", execution_id: bad, status: "success", begin_time: new Date().toISOString().replace(/\.\d+Z$/, "Z"), end_time: "", last_update_time: "", created_by: "u" }] });
    const { fetch, calls } = scriptedFetch((n) => (n === 1 ? { body: list } : { body: JSON.stringify({ executions: [] }) }));
    const err = await getLatestWorkflowExecution(
      { endpoint: ENDPOINT, projectId: "p", workflowId: "wf-1", credentials: { ...CANARY }, maxRetries: 0 },
      isolatedContext([], { policy: { fetch } }),
    ).catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toContain("cannot be used in a request path");
    expect(calls.every((u) => u.includes("/executions?"))).toBe(true); // the bad ID was never requested
  });

  test.each(["..", "p/q"])("a discovered project ID %j", async (bad) => {
    const { fetch, calls } = scriptedFetch(() => ({ body: JSON.stringify({ projects: [{ id: bad, name: "cn-north-4" }] }) }));
    const err = await getWorkflowExecution(
      { region: "cn-north-4", workflowId: "wf-1", executionId: "ex-1", credentials: { ...CANARY }, maxRetries: 0 },
      isolatedContext([], { policy: { fetch } }),
    ).catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain("/v3/projects?name=cn-north-4");
  });
});
