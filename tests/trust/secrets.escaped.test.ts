/**
 * Issue 14, class 8, held-out: credentials full of characters that quoting escapes (`"`, `\`, `'`). The
 * server echoes them everywhere; whether an output quotes them (JSON, util.inspect, a message that
 * JSON-quotes a snippet) or not, no form of either secret may appear in an error or in the CLI's output.
 */
import { inspect } from "node:util";
import { getWorkflowExecution } from "fgs-workflow-gate";
import { runInProcess, target } from "./support/cli";
import { cliEnv, executionBody, executionIdOf, PROJECT, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type Handler, type HttpServer } from "./support/httpServer";
import { escapedLeaks, SPECIAL_CREDENTIALS, SPECIAL_SECRET_KEY, SPECIAL_TOKEN } from "./support/specialSecrets";
import { rejection, settleWithin } from "./support/settle";

const ECHO = `${"x".repeat(200)} sk=${SPECIAL_SECRET_KEY} token=${SPECIAL_TOKEN}`;

const failedRun = (id: string) =>
  executionBody({
    executionId: id,
    status: "fail",
    createdBy: ECHO,
    input: { echo: ECHO },
    nodes: [{ name: ECHO, status: "fail", requestId: ECHO, errorMessage: { message: ECHO, code: "FSS.1" } }],
  });

const CASES: Record<string, Handler> = {
  "HTTP 400 with a JSON error": (_req, res) => send(res, 400, { error_code: "FSS.0400", error_msg: ECHO }),
  "HTTP 500 with a text body": (_req, res) => send(res, 500, `<p>${ECHO}</p>`, { "Content-Type": "text/html" }),
  "HTTP 200 that fails validation": (req, res) => send(res, 200, { ...failedRun(executionIdOf(req.path)!), status: ECHO }),
  "a failed run (gate rejected)": (req, res) => send(res, 200, failedRun(executionIdOf(req.path)!)),
};

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(Object.keys(CASES))("%s echoing both secrets", (name) => {
  test("no form of either secret in String, message, JSON or util.inspect of the error", async () => {
    server = await startHttpServer(CASES[name]!);
    const args = { workflowId: WORKFLOW, executionId: "exec-q", projectId: PROJECT, endpoint: server.url, credentials: SPECIAL_CREDENTIALS };
    const e = rejection(await settleWithin(getWorkflowExecution({ ...args, maxRetries: 0, requireStatus: "success" }), 10_000));
    expect(server.requests.length).toBeGreaterThan(0);
    const text = [String(e), JSON.stringify(e), inspect(e, { depth: 10, maxStringLength: Infinity })].join("\n");
    expect(escapedLeaks(text)).toEqual([]);
  });

  test.each(["table", "json", "github"])("no form of either secret in the CLI's output (--output %s --debug)", async (output) => {
    server = await startHttpServer(CASES[name]!);
    const env = cliEnv(server.url, { HW_SECRET_KEY: SPECIAL_SECRET_KEY, HW_SECURITY_TOKEN: SPECIAL_TOKEN, HW_ACCESS_KEY: SPECIAL_CREDENTIALS.accessKey });
    const run = await runInProcess(["wait", ...target("exec-q"), "--timeout", "5", "--interval", "0.05", "--max-retries", "0", "--output", output, "--debug"], env);
    expect(run.code).not.toBe(0);
    expect(server.requests.length).toBeGreaterThan(0);
    expect({ stdout: escapedLeaks(run.stdout), stderr: escapedLeaks(run.stderr) }).toEqual({ stdout: [], stderr: [] });
  });
});
