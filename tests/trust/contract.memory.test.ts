/**
 * Issue 14, class 5, the memory bound: the nesting depth of the whole body is bounded, so a hostile body
 * just under the 32 MiB size cap, made only of nested arrays or objects, is refused without taking more than
 * a few hundred MB (checked generously: the peak RSS grows by less than 600 MB while reading it).
 *
 * Each case runs in a fresh Node process of its own (the built package from dist/, as `npm test` builds
 * it), so that the peak belongs to this read alone and not to whatever a shared test worker held before.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

const BODIES: Record<string, string> = {
  "15 million nested arrays (30 MB)": '"[".repeat(15_000_000) + "]".repeat(15_000_000)',
  "5 million nested objects (30 MB)": `'{"a":'.repeat(5_000_000) + "1" + "}".repeat(5_000_000)`,
};

/** The child: serves the body on 127.0.0.1, reads it through the library, reports the error code and peak growth. */
function childScript(bodyExpression: string): string {
  return `
const http = require("node:http");
const { getWorkflowExecution } = require(${JSON.stringify(path.join(ROOT, "dist", "provider", "index.js"))});
const body = Buffer.from(${bodyExpression}, "latin1");
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", async () => {
  const url = "http://127.0.0.1:" + server.address().port;
  const before = process.resourceUsage().maxRSS;
  let code;
  try {
    await getWorkflowExecution({ workflowId: "wf-1", executionId: "exec-1", projectId: "p-1", endpoint: url,
      credentials: { accessKey: "AKEXAMPLE00000000001", secretKey: "SKEXAMPLE000000000000000000000000000001" }, maxRetries: 0 });
    code = "passed";
  } catch (e) {
    code = e && e.code;
  }
  const growthMb = (process.resourceUsage().maxRSS - before) / 1024;
  process.stdout.write(JSON.stringify({ code, growthMb }));
  server.close();
  process.exit(0);
});`;
}

test.each(Object.keys(BODIES))("a body of %s is refused within a bounded amount of memory", (name) => {
  const child = spawnSync(process.execPath, ["-e", childScript(BODIES[name]!)], { encoding: "utf8", timeout: 60_000 });
  expect(child.stderr).toBe("");
  const { code, growthMb } = JSON.parse(child.stdout) as { code: string; growthMb: number };
  expect(code).toBe("FGS_RESPONSE_INVALID");
  expect(growthMb).toBeLessThan(600);
});
