/**
 * Issue 14, class 5, the memory bound: the nesting depth of the whole body is bounded, so a hostile body
 * just under the 32 MiB size cap, made only of nested arrays or objects, is refused without taking more than
 * a few hundred MB (checked generously: the process's peak RSS while reading grows by less than 600 MB).
 */
import { getWorkflowExecution, isResponseValidationError } from "fgs-workflow-gate";
import { connection, WORKFLOW } from "./support/fixtures";
import { startHttpServer, type HttpServer } from "./support/httpServer";
import { rejection, settleWithin } from "./support/settle";

const MB = 1024 * 1024;

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `action`, sampling RSS every 5 ms; returns its outcome and the peak growth over the start. */
async function peakGrowth<T>(action: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await action();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

const BODIES: Record<string, () => Buffer> = {
  "15 million nested arrays (30 MB)": () => Buffer.from(`${"[".repeat(15_000_000)}${"]".repeat(15_000_000)}`, "latin1"),
  "5 million nested objects (30 MB)": () => Buffer.from(`${'{"a":'.repeat(5_000_000)}1${"}".repeat(5_000_000)}`, "latin1"),
};

test.each(Object.keys(BODIES))("a body of %s is refused within a bounded amount of memory", async (name) => {
  const body = BODIES[name]!();
  server = await startHttpServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
    res.end(body);
  });
  const url = server.url;
  const { result, growthMb } = await peakGrowth(() =>
    settleWithin(getWorkflowExecution({ workflowId: WORKFLOW, executionId: "exec-1", ...connection(url), maxRetries: 0 }), 20_000),
  );
  expect(isResponseValidationError(rejection(result))).toBe(true);
  expect(growthMb).toBeLessThan(600);
});
