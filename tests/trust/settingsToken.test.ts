/**
 * Issue 14, class 10 (settings), the security token and untrusted keys: a malformed token from the
 * environment is reported under the variable that held it (never its value), and an error_message with a
 * `__proto__` key is kept as data, whether or not it had to be scrubbed.
 */
import { getWorkflowExecution, isConfigurationError } from "fgs-workflow-gate";
import { runInProcess, target } from "./support/cli";
import { ACCESS_KEY, cliEnv, connection, executionBody, executionIdOf, PROJECT, SECRET_KEY, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BAD_TOKENS = ["bad token with spaces", "tok\nen-injected", "é-not-ascii"];
const VARIABLES: [string, Record<string, string>][] = [
  ["HW_SECURITY_TOKEN", { HW_ACCESS_KEY: ACCESS_KEY, HW_SECRET_KEY: SECRET_KEY }],
  ["HUAWEICLOUD_SDK_SECURITY_TOKEN", { HUAWEICLOUD_SDK_AK: ACCESS_KEY, HUAWEICLOUD_SDK_SK: SECRET_KEY }],
];

describe.each(VARIABLES)("a malformed %s", (variable, pair) => {
  test.each(BAD_TOKENS)("%p is a ConfigurationError naming the variable, not its value", async (token) => {
    const saved = { ...process.env };
    Object.assign(process.env, pair, { [variable]: token });
    try {
      const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", projectId: PROJECT, endpoint: "http://127.0.0.1:9" });
      const e = rejection(await settleWithin(call, 5_000));
      expect(isConfigurationError(e)).toBe(true);
      expect(e.message).toContain(variable);
      expect(e.message).not.toContain(token);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  test("fgs-execution get exits 2 naming the variable", async () => {
    const env = { ...cliEnv("http://127.0.0.1:9"), HW_ACCESS_KEY: "", HW_SECRET_KEY: "", ...pair, [variable]: "bad token" };
    const run = await runInProcess(["get", ...target("exec-1")], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(variable);
  });
});

type Run = Awaited<ReturnType<typeof getWorkflowExecution>>;
const PROTO_PAYLOAD = `{"__proto__":{"polluted":"yes"},"echo":"sk ${SECRET_KEY}"}`;
const PROTO_ERROR = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"error_code":"FSS.1","message":"MSG"}';

test.each([
  ["with a secret to scrub", `leaked ${SECRET_KEY}`],
  ["with nothing to scrub", "plain failure"],
])("an error_message with a __proto__ key (%s) is kept as data", async (_name, message) => {
  server = await startHttpServer((req, res) => {
    const body = JSON.stringify(executionBody({ executionId: executionIdOf(req.path)!, status: "fail", nodes: [{ status: "fail", errorMessage: { marker: 1 } }] }));
    send(res, 200, body.replace('{"marker":1}', PROTO_ERROR.replace("MSG", message)));
  });
  const run = await getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-proto", ...connection(server.url) });
  const em = run.nodes[0]!.executions[0]!.errorMessage as Record<string, unknown>;
  expect(Object.getPrototypeOf(em)).toBe(Object.prototype);
  expect(Object.prototype.hasOwnProperty.call(em, "__proto__")).toBe(true);
  expect(Object.getOwnPropertyDescriptor(em, "__proto__")?.value).toEqual({ polluted: "yes" });
  expect(em.polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(em.error_code).toBe("FSS.1");
});

test.each([
  ["the run's input", (b: string) => b.replace('"input":{"ref":"main"}', `"input":${PROTO_PAYLOAD}`), (r: Run) => r.input],
  ["the run's output", (b: string) => b.replace('"output":{"result":"passed"}', `"output":${PROTO_PAYLOAD}`), (r: Run) => r.output],
  ["a node's input", (b: string) => b.replace('"input":{}', `"input":${PROTO_PAYLOAD}`), (r: Run) => r.nodes[0]!.executions[0]!.input],
  [
    "an object nested in error_message",
    (b: string) => b.replace('{"marker":1}', `{"detail":${PROTO_PAYLOAD},"message":"x"}`),
    (r: Run) => (r.nodes[0]!.executions[0]!.errorMessage as Record<string, unknown>).detail,
  ],
])("a __proto__ key in %s next to an echoed secret is kept as data", async (_name, edit, pick) => {
  server = await startHttpServer((req, res) => {
    const body = JSON.stringify(executionBody({ executionId: executionIdOf(req.path)!, status: "fail", nodes: [{ status: "fail", errorMessage: { marker: 1 } }] }));
    send(res, 200, edit(body));
  });
  const run = await getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-proto", ...connection(server.url) });
  const value = pick(run) as Record<string, unknown>;
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "yes" });
  expect(value.polluted).toBeUndefined();
});
