/**
 * Issue 14, class 3, for `getWorkflowExecution`: `waitForCompletion.timeoutSeconds` bounds the whole wait,
 * including a read in flight, and the verdict is then a failure, never a pass. Attempt timeouts are 30 s,
 * so only the wait's bound can end these calls; "settles" is checked with generous slack.
 */
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { isTransportError } from "../../provider/errors";
import { isWorkflowGateError } from "../../provider/gate/gateError";
import { connection, executionBody, executionIdOf, isoIn, json, loopback, type Loopback, quiet, WORKFLOW } from "./loopback";

const SETTLES_MS = 8000;
const WAIT = { timeoutSeconds: 1, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.05 };

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(call: Promise<unknown>): Promise<Error & { code?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), SETTLES_MS)));
  const outcome = await Promise.race([call.then(() => "passed" as const, (e: unknown) => e as Error), late]);
  clearTimeout(timer);
  if (outcome === "late") throw new Error(`the call did not settle within ${SETTLES_MS} ms`);
  if (outcome === "passed") throw new Error("the call passed where it had to fail");
  return outcome;
}

const gate = (url: string, status: "success" | "running" = "success") =>
  getWorkflowExecution(
    { ...connection(url), workflowId: WORKFLOW, executionId: "e-1", requestTimeoutSeconds: 30, deadlineSeconds: 60, requireStatus: status === "success" ? "success" : undefined, waitForCompletion: WAIT },
    quiet,
  );

test("a first read that never answers: the wait ends failing closed", async () => {
  server = await loopback(() => undefined);
  const err = await failure(gate(server.url));
  expect(isTransportError(err)).toBe(true);
  expect((err as unknown as { kind: string }).kind).toBe("deadline");
});

test("a later read that never answers while the run is running: FGS_GATE_TIMEOUT with the run as last read", async () => {
  let reads = 0;
  server = await loopback((req, res) => {
    if (++reads === 1) json(res, executionBody({ id: executionIdOf(req.path) as string, beginTime: isoIn(-5), status: "running" }));
  });
  const err = await failure(gate(server.url));
  expect(isWorkflowGateError(err)).toBe(true);
  expect(err.code).toBe("FGS_GATE_TIMEOUT");
  expect((err as unknown as { execution: { status: string } }).execution.status).toBe("running");
});

test("a body that stalls after its first bytes is cut the same way", async () => {
  let reads = 0;
  server = await loopback((req, res) => {
    if (++reads === 1) return json(res, executionBody({ id: executionIdOf(req.path) as string, beginTime: isoIn(-5), status: "running" }));
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "5000" });
    res.write('{"workflow_id":');
  });
  const err = await failure(gate(server.url));
  expect(err.code).toBe("FGS_GATE_TIMEOUT");
});
