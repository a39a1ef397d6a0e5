/**
 * Issue 14, class 3 (hard time bounds), command side: `--timeout` bounds the whole wait and `--deadline`
 * one read, even when the server stalls a body forever (attempt timeout 20 s). The built command is run as
 * a child process; it must end within a few seconds of the 2 s bound (generous slack for process start)
 * with a failing exit code and a message.
 */
import { cliEnv, WORKFLOW } from "./support/fixtures";
import { runProcess, target } from "./support/cli";
import { stall, startHttpServer, type HttpServer } from "./support/httpServer";

const BOUND_MS = 8_000;
const SLOW = ["--request-timeout", "20"];

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test("wait --timeout 2 against a stalled body ends in time with exit 4 or 3", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200));
  const run = await runProcess(["wait", ...target("exec-slow"), "--timeout", "2", "--deadline", "60", ...SLOW], cliEnv(server.url), BOUND_MS + 2_000);
  expect(run.ms).toBeLessThan(BOUND_MS);
  expect([3, 4]).toContain(run.code);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});

test("get --deadline 2 against a stalled body ends in time with exit 3", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200));
  const run = await runProcess(["get", ...target("exec-slow"), "--deadline", "2", ...SLOW], cliEnv(server.url), BOUND_MS + 2_000);
  expect(run.ms).toBeLessThan(BOUND_MS);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});

test("wait --latest --timeout 2 against a stalled list page ends in time with a failing exit code", async () => {
  server = await startHttpServer((_req, res) => stall(res, 200, '{"executions":['));
  const argv = ["wait", "--latest", "--workflow-id", WORKFLOW, "--timeout", "2", "--deadline", "60", ...SLOW];
  const run = await runProcess(argv, cliEnv(server.url), BOUND_MS + 2_000);
  expect(run.ms).toBeLessThan(BOUND_MS);
  expect([3, 4, 5]).toContain(run.code);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});
