/**
 * Issue 14, class 10 (settings): durations of 2^31 ms or more, or not finite, are ConfigurationErrors
 * naming the setting, before any request (Node's timers would overflow and fire at once); a malformed
 * HW_SECURITY_TOKEN is reported under that name; an error_message with a `__proto__` key stays data.
 */
import { getLatestWorkflowExecution, getWorkflowExecution, isConfigurationError } from "fgs-workflow-gate";
import { runInProcess, target } from "./support/cli";
import { cliEnv, connection, executionBody, executionIdOf, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type HttpServer } from "./support/httpServer";
import { rejection, settleWithin } from "./support/settle";

let server: HttpServer | undefined;
/** Stops a call that wrongly went on waiting, so it does not outlive its test. */
let stop = new AbortController();
beforeEach(async () => {
  stop = new AbortController();
  server = await startHttpServer((req, res) => send(res, 200, executionBody({ executionId: executionIdOf(req.path) ?? "x", status: "running" })));
});
afterEach(async () => {
  stop.abort();
  await server?.close();
  server = undefined;
});

const TOO_LONG = [2 ** 31 / 1000, 1e7, Infinity, NaN];

/** [setting, the arguments that set it to `v`] */
const DURATIONS: [string, (v: number) => Record<string, unknown>][] = [
  ["requestTimeoutSeconds", (v) => ({ requestTimeoutSeconds: v })],
  ["deadlineSeconds", (v) => ({ deadlineSeconds: v })],
  ["waitForCompletion.timeoutSeconds", (v) => ({ waitForCompletion: { timeoutSeconds: v } })],
  ["waitForCompletion.minIntervalSeconds", (v) => ({ waitForCompletion: { minIntervalSeconds: v, maxIntervalSeconds: Number.isFinite(v) ? v : 30 } })],
  ["waitForCompletion.maxIntervalSeconds", (v) => ({ waitForCompletion: { maxIntervalSeconds: v } })],
];

describe.each(DURATIONS)("%s", (setting, args) => {
  test.each(TOO_LONG)("= %p s is a ConfigurationError naming it, and nothing is sent", async (value) => {
    const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server!.url), signal: stop.signal, ...args(value) });
    const e = rejection(await settleWithin(call, 5_000));
    expect(isConfigurationError(e)).toBe(true);
    expect(e.setting).toBe(setting);
    expect(e.message).toContain(setting);
    expect(server!.requests).toHaveLength(0);
  });

  test("the latest-run lookup refuses 2^31 ms the same way", async () => {
    const call = getLatestWorkflowExecution({ workflowId: WORKFLOW, ...connection(server!.url), signal: stop.signal, ...args(2 ** 31 / 1000) });
    const e = rejection(await settleWithin(call, 5_000));
    expect(isConfigurationError(e)).toBe(true);
    expect(e.setting).toBe(setting);
    expect(server!.requests).toHaveLength(0);
  });
});

test("maxAgeSeconds = Infinity is a ConfigurationError naming it", async () => {
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server!.url), maxAgeSeconds: Infinity });
  const e = rejection(await settleWithin(call, 5_000));
  expect(isConfigurationError(e)).toBe(true);
  expect(e.setting).toBe("maxAgeSeconds");
});

test.each([
  ["--timeout", ["wait", ...target("exec-1"), "--timeout", "2147484"]],
  ["--interval", ["wait", ...target("exec-1"), "--interval", "2147484", "--max-interval", "9999999"]],
  ["--max-interval", ["wait", ...target("exec-1"), "--max-interval", "2147484"]],
  ["--request-timeout", ["get", ...target("exec-1"), "--request-timeout", "2147484"]],
  ["--deadline", ["get", ...target("exec-1"), "--deadline", "2147484"]],
])("fgs-execution %s 2147484 (over 2^31 ms) exits 2 naming the flag or setting, and sends nothing", async (flag, argv) => {
  const run = await runInProcess(argv, cliEnv(server!.url));
  expect(run.code).toBe(2);
  const name = flag.slice(2).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
  expect(run.stderr.includes(flag) || run.stderr.includes(name)).toBe(true);
  expect(server!.requests).toHaveLength(0);
});

const LARGEST_ACCEPTED: [string, Partial<Parameters<typeof getWorkflowExecution>[0]>][] = [
  ["requestTimeoutSeconds", { requestTimeoutSeconds: 2147483 }],
  ["deadlineSeconds", { deadlineSeconds: 2147483 }],
  ["waitForCompletion.timeoutSeconds", { requireStatus: "success", waitForCompletion: { timeoutSeconds: 2147483, minIntervalSeconds: 0.05 } }],
];

test.each(LARGEST_ACCEPTED)("control: %s of 2147483 s (just under 2^31 ms) is accepted and the read succeeds", async (_name, extra) => {
  await server?.close();
  server = await startHttpServer((req, res) => send(res, 200, executionBody({ executionId: executionIdOf(req.path)!, status: "success" })));
  const call = getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(server.url), signal: stop.signal, ...extra });
  const outcome = await settleWithin(call, 5_000);
  expect(outcome.state === "fulfilled" ? outcome.value.status : outcome.state === "rejected" ? String(outcome.error) : outcome.state).toBe("success");
});
