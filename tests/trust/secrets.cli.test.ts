/**
 * Issue 14, class 8 (no secret in any output), command side: with the server echoing the secret key
 * and the security token everywhere, nothing `fgs-execution` writes (stdout in every --output format,
 * stderr, --debug lines, the GitHub step summary) holds 16 characters of either secret in a row.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runInProcess, target } from "./support/cli";
import { ECHO, ECHO_HEADERS, echoingRun, leaksIn } from "./support/echo";
import { cliEnv, executionIdOf, isoIn, listItem, TOKEN, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type Handler, type HttpServer } from "./support/httpServer";

let server: HttpServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const echoing =
  (status: string): Handler =>
  (req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, echoingRun(id, status), ECHO_HEADERS);
    const item = { ...listItem("exec-echo", isoIn(-5), status), created_by: ECHO };
    send(res, 200, { executions: req.query.get("offset") === "0" ? [item] : [] }, ECHO_HEADERS);
  };

const SCENARIOS: Record<string, { handler: Handler; argv: string[] }> = {
  "get of a successful run": { handler: echoing("success"), argv: ["get", ...target("exec-echo")] },
  "wait --require success on a failed run": { handler: echoing("fail"), argv: ["wait", ...target("exec-echo"), "--timeout", "5"] },
  "wait --max-age on a stale run": { handler: echoing("success"), argv: ["wait", ...target("exec-echo"), "--timeout", "5", "--max-age", "1"] },
  "latest of a failed run": { handler: echoing("fail"), argv: ["latest", "--workflow-id", WORKFLOW] },
  "get answered by HTTP 400": {
    handler: (_req, res) => send(res, 400, { error_code: "FSS.0400", error_msg: ECHO }, ECHO_HEADERS),
    argv: ["get", ...target("exec-echo")],
  },
};

const VARIANTS = ["table", "json", "github"].flatMap((output) => [
  [output, []],
  [`${output} --debug`, ["--debug"]],
]) as [string, string[]][];

describe.each(Object.keys(SCENARIOS))("fgs-execution %s", (name) => {
  test.each(VARIANTS)("--output %s: no secret on stdout, stderr or the step summary", async (variant, extra) => {
    const { handler, argv } = SCENARIOS[name]!;
    server = await startHttpServer(handler);
    dir = mkdtempSync(path.join(tmpdir(), "trust-summary-"));
    const summary = path.join(dir, "summary.md");
    const env = cliEnv(server.url, { HW_SECURITY_TOKEN: TOKEN, GITHUB_STEP_SUMMARY: summary });
    const run = await runInProcess([...argv, "--max-retries", "0", "--output", variant.split(" ")[0]!, ...extra], env);
    expect(server.requests.length).toBeGreaterThan(0);
    let summaryText = "";
    try {
      summaryText = readFileSync(summary, "utf8");
    } catch {
      // No summary written (not the github format, or nothing to summarize).
    }
    expect({ stdout: leaksIn(run.stdout), stderr: leaksIn(run.stderr), summary: leaksIn(summaryText) }).toEqual({
      stdout: [],
      stderr: [],
      summary: [],
    });
  });
});
