/**
 * Issue 14, class 8, beyond the named cases: text from the lookups around a run (workflow names and IDs,
 * IAM projects and errors, run IDs) reaches the library's own messages; none of it may carry a secret
 * into an error or into the CLI's output.
 */
import { getLatestWorkflowExecution, getWorkflowExecution } from "fgs-workflow-gate";
import { runInProcess } from "./support/cli";
import { ECHO, errorLeaks, leaksIn } from "./support/echo";
import { cliEnv, connection, SECRET_KEY, TOKEN } from "./support/fixtures";
import { startHttpServer, type HttpServer } from "./support/httpServer";
import { lookupScenarios } from "./support/lookupScenarios";
import { rejection, settleWithin } from "./support/settle";

const SCENARIOS = lookupScenarios(ECHO, `${TOKEN.slice(0, 40)}${SECRET_KEY}`);

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(Object.keys(SCENARIOS))("%s, echoing both secrets", (name) => {
  test("the library's error holds no secret in any form", async () => {
    const s = SCENARIOS[name]!;
    server = await startHttpServer(s.handler);
    const where = s.byProjectDiscovery
      ? { endpoint: server.url, iamEndpoint: server.url, credentials: { ...connection(server.url, true).credentials } }
      : connection(server.url, true);
    const call = s.byProjectDiscovery
      ? getWorkflowExecution({ ...(s.args as { workflowId: string; executionId: string }), ...where, maxRetries: 0 })
      : getLatestWorkflowExecution({ ...s.args, ...where, maxRetries: 0 });
    const e = rejection(await settleWithin(call, 10_000));
    expect(server.requests.length).toBeGreaterThan(0);
    expect(errorLeaks(e)).toEqual({});
  });

  test("fgs-execution (with --debug) prints no secret", async () => {
    const s = SCENARIOS[name]!;
    server = await startHttpServer(s.handler);
    const env = cliEnv(server.url, { HW_SECURITY_TOKEN: TOKEN });
    if (s.byProjectDiscovery) delete env.HW_PROJECT_ID;
    const run = await runInProcess([...s.argv, "--max-retries", "0", "--debug"], env);
    expect(run.code).not.toBe(0);
    expect(server.requests.length).toBeGreaterThan(0);
    expect({ stdout: leaksIn(run.stdout), stderr: leaksIn(run.stderr) }).toEqual({ stdout: [], stderr: [] });
  });
});
