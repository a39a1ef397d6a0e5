/**
 * Issue 14, class 8, Pulumi outputs: the Output functions run in the program against a server echoing the
 * credentials (from stack config) into every field. Neither the Output's value (also the secret payloads
 * Output) nor the error of a failed gate holds 16 characters of either secret in a row. Reads go to the
 * network under mocks through the package's documented mock mark (`Symbol.for("fgs-workflow-gate.gate-mocks")`).
 */
import * as pulumi from "@pulumi/pulumi";
import { getWorkflowExecutionOutput, getWorkflowExecutionWithPayloadsOutput } from "fgs-workflow-gate/pulumi";
import { ECHO_HEADERS, echoingRun, errorLeaks, leaksIn } from "./support/echo";
import { ACCESS_KEY, executionIdOf, PROJECT, SECRET_KEY, TOKEN, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";

type Inspectable = { promise(): Promise<unknown>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
/** The Output's value; its other promises are marked handled, since a failed gate rejects them all. */
function valueOf(o: unknown): Promise<unknown> {
  const i = o as Inspectable;
  i.isKnown.catch(() => undefined);
  i.isSecret.catch(() => undefined);
  return i.promise();
}

let server: HttpServer;
beforeAll(async () => {
  server = await startHttpServer((req, res) => send(res, 200, echoingRun(executionIdOf(req.path)!, "fail"), ECHO_HEADERS));
  const mocks = {
    newResource: (a: pulumi.runtime.MockResourceArgs) => ({ id: `${a.name}-id`, state: a.inputs }),
    call: () => ({}),
    [Symbol.for("fgs-workflow-gate.gate-mocks")]: { network: true },
  };
  await pulumi.runtime.setMocks(mocks, "trust", "test", false);
  pulumi.runtime.setAllConfig({ "huaweicloud:accessKey": ACCESS_KEY, "huaweicloud:secretKey": SECRET_KEY, "huaweicloud:securityToken": TOKEN });
});
afterAll(() => server?.close());

const args = () => ({ workflowId: WORKFLOW, executionId: "exec-echo", projectId: PROJECT, endpoint: server.url, maxRetries: 0 });

test("getWorkflowExecutionOutput (mode report, payloads exposed): the value holds no secret", async () => {
  const value = await valueOf(getWorkflowExecutionOutput({ ...args(), mode: "report", exposePayloads: true }));
  expect(server.requests.length).toBeGreaterThan(0);
  expect(leaksIn(JSON.stringify(value))).toEqual([]);
});

test("getWorkflowExecutionWithPayloadsOutput: neither the execution nor the secret payloads hold a secret", async () => {
  const { execution, payloads } = getWorkflowExecutionWithPayloadsOutput({ ...args(), mode: "report" });
  expect(leaksIn(JSON.stringify(await valueOf(execution)))).toEqual([]);
  expect(leaksIn(JSON.stringify(await valueOf(payloads)))).toEqual([]);
});

test("getWorkflowExecutionOutput (enforce, require success): the gate's error holds no secret", async () => {
  const error = await valueOf(getWorkflowExecutionOutput({ ...args(), requireStatus: "success" })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  expect(errorLeaks(error)).toEqual({});
});
