/**
 * Issue 14, classes 1 and 3, beyond the named cases: every endpoint the library reads (the run, the run
 * list, the workflow list, IAM project discovery) settles on a framing fault; a broken content coding
 * ends the read at once; and a server that drips bytes forever (never idle, never done) is still cut off
 * by the deadline and by the attempt timeout.
 */
import { getLatestWorkflowExecution, getWorkflowExecution, isTransportError } from "fgs-workflow-gate";
import { CREDENTIALS, connection, WORKFLOW } from "./support/fixtures";
import { CODING_FAULTS, dripBody, dripHeaders, dripInformational, FRAMING_FAULTS, startRawServer, type RawServer } from "./support/rawServer";
import { isLibraryError, rejection, settleWithin } from "./support/settle";

const SLOW_ATTEMPT = { requestTimeoutSeconds: 20, deadlineSeconds: 60, maxRetries: 1 };

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CALLS: Record<string, (url: string) => Promise<unknown>> = {
  "the run list (latest by ID)": (url) => getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(url), ...SLOW_ATTEMPT }),
  "the workflow list (latest by name)": (url) => getLatestWorkflowExecution({ workflowName: "trust-flow", ...connection(url), ...SLOW_ATTEMPT }),
  "IAM project discovery": (url) =>
    getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", region: "cn-north-4", endpoint: url, iamEndpoint: url, credentials: CREDENTIALS, ...SLOW_ATTEMPT }),
};

describe.each(Object.keys(CALLS))("%s", (name) => {
  test.each(["invalid chunk-size line right after the headers", "Content-Length longer than the body, then close", "connection reset mid-body"])(
    "settles at once on: %s",
    async (fault) => {
      server = await startRawServer(FRAMING_FAULTS[fault]!);
      const e = rejection(await settleWithin(CALLS[name]!(server.url), 5_000));
      expect(isTransportError(e) && e.kind).toBe("network");
      expect(server.requests).toHaveLength(2);
    },
  );
});

test.each(Object.keys(CODING_FAULTS))("a run read with %s ends at once as an error of the library", async (fault) => {
  server = await startRawServer(CODING_FAULTS[fault]!);
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...SLOW_ATTEMPT });
  const e = rejection(await settleWithin(call, 5_000));
  expect(isLibraryError(e)).toBe(true);
  expect(server!.requests.length).toBeGreaterThan(0);
});

describe("a server that drips bytes forever", () => {
  const DRIPS = { "the body": dripBody(200), "the headers": dripHeaders(200), "102 Processing answers": dripInformational(200) };

  test.each(Object.keys(DRIPS))("dripping %s is cut off by deadlineSeconds 2 (attempt timeout 20 s)", async (what) => {
    server = await startRawServer(DRIPS[what as keyof typeof DRIPS]);
    const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), ...SLOW_ATTEMPT, deadlineSeconds: 2 });
    const e = rejection(await settleWithin(call, 6_000));
    expect(isTransportError(e)).toBe(true);
  });

  test.each(Object.keys(DRIPS))("dripping %s is cut off by requestTimeoutSeconds 1, as a timeout", async (what) => {
    server = await startRawServer(DRIPS[what as keyof typeof DRIPS]);
    const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), requestTimeoutSeconds: 1, maxRetries: 0 });
    const e = rejection(await settleWithin(call, 5_000));
    expect(isTransportError(e) && e.kind).toBe("timeout");
  });
});
