/**
 * Issue 14, class 1 (settlement): malformed framing before or during the body ends the attempt at once as
 * a TransportError of kind "network", retried by policy, and its connection slot is released. The attempt
 * timeout is 20 s so that an attempt only "settles" through it when the fault went unnoticed.
 */
import { getWorkflowExecution, isTransportError } from "fgs-workflow-gate";
import { connection, WORKFLOW } from "./support/fixtures";
import { FRAMING_FAULTS, goodAnswer, startRawServer, type RawServer } from "./support/rawServer";
import { rejection, settleWithin } from "./support/settle";

const SLOW_ATTEMPT = { requestTimeoutSeconds: 20, deadlineSeconds: 60 };
const SETTLE_BOUND_MS = 5_000;

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function read(url: string, executionId: string, extra: Record<string, unknown> = {}) {
  return getWorkflowExecution({ workflowId: WORKFLOW, executionId, ...connection(url), ...SLOW_ATTEMPT, ...extra });
}

const faults = Object.entries(FRAMING_FAULTS);

describe.each(faults)("framing fault: %s", (_name, fault) => {
  test("the read fails as a network TransportError, retried per policy, well before the attempt timeout", async () => {
    server = await startRawServer(fault);
    const outcome = await settleWithin(read(server.url, "exec-frame", { maxRetries: 2 }), SETTLE_BOUND_MS);
    const e = rejection(outcome);
    expect(isTransportError(e)).toBe(true);
    expect(e.kind).toBe("network");
    expect(e.attempts).toBe(3);
    expect(server.requests.filter((r) => r.path.includes("exec-frame"))).toHaveLength(3);
  });

  test("eight faulty reads at once release their slots: ten reads of the same host succeed afterwards", async () => {
    server = await startRawServer(fault);
    const faulty = Array.from({ length: 8 }, (_, i) => settleWithin(read(server!.url, `exec-bad-${i}`, { maxRetries: 0 }), SETTLE_BOUND_MS));
    const outcomes = await Promise.all(faulty);
    expect(outcomes.map((o) => o.state)).toEqual(Array(8).fill("rejected"));
    server.setHandler(goodAnswer);
    const good = Array.from({ length: 10 }, (_, i) =>
      settleWithin(read(server!.url, `exec-good-${i}`, { maxRetries: 0, deadlineSeconds: 5 }), 8_000),
    );
    const results = await Promise.all(good);
    expect(results.map((o) => (o.state === "fulfilled" ? o.value.status : o.state))).toEqual(Array(10).fill("success"));
  });
});

test("a good answer on the same kind of server is read (control: the servers themselves work)", async () => {
  server = await startRawServer(goodAnswer);
  const run = await read(server.url, "exec-control");
  expect(run.status).toBe("success");
  expect(run.executionId).toBe("exec-control");
});
