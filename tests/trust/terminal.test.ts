/**
 * Issue 14, class 9 (terminal and CI-log safety): service-provided text written by `fgs-execution`
 * (table, github, errors, --debug, the step summary) carries no control characters (C0 but newline and
 * tab, DEL, C1 such as U+009B, so no ESC sequence), no bidi controls, and never starts a line: a node's
 * request_id of `rq-1\n::error::pwned\n::add-mask::x` must not become a GitHub workflow command.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runInProcess, target } from "./support/cli";
import { cliEnv, executionBody, executionIdOf, isoIn, listItem, WORKFLOW } from "./support/fixtures";
import { send, startHttpServer, type Handler, type HttpServer } from "./support/httpServer";
import { terminalProblems } from "./support/terminalText";

const INJECTED_REQUEST_ID = "rq-1\n::error::pwned\n::add-mask::x";

/** A failed run whose every free text field is hostile. */
function hostileRun(executionId: string, status: string): Record<string, unknown> {
  return executionBody({
    executionId,
    status,
    urnName: "flow\n\u001b[31mred\u202e",
    createdBy: "bot\r\u009b2J",
    nodes: [
      {
        name: "build\u202egpj.exe\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007",
        status: "fail",
        requestId: INJECTED_REQUEST_ID,
        errorMessage: { error_code: "FSS\u009b1m", message: "boom\r\n::warning::pwned\u001b[2J\u2067x\u0000" },
      },
      { name: "deploy\n::error::node-pwned", status: "success", requestId: "\u001bP+q\u001b\\" },
    ],
  });
}

const hostile =
  (status: string): Handler =>
  (req, res) => {
    const id = executionIdOf(req.path);
    if (id !== undefined) return send(res, 200, hostileRun(id, status));
    send(res, 200, { executions: req.query.get("offset") === "0" ? [listItem("exec-evil", isoIn(-5), status)] : [] });
  };

const SCENARIOS: Record<string, { handler: Handler; argv: string[] }> = {
  "get of a failed run": { handler: hostile("fail"), argv: ["get", ...target("exec-evil")] },
  "wait --require success on a failed run": { handler: hostile("fail"), argv: ["wait", ...target("exec-evil"), "--timeout", "5"] },
  "latest of a failed run": { handler: hostile("fail"), argv: ["latest", "--workflow-id", WORKFLOW] },
  "get answered by HTTP 400": {
    handler: (_req, res) => send(res, 400, { error_code: "FSS.0400\u001b[31m", error_msg: "bad\n::error::pwned\u009b2J\u202eevil" }),
    argv: ["get", ...target("exec-evil")],
  },
};

let server: HttpServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function run(name: string, output: string, extra: string[]) {
  const { handler, argv } = SCENARIOS[name]!;
  server = await startHttpServer(handler);
  dir = mkdtempSync(path.join(tmpdir(), "trust-term-"));
  const summaryFile = path.join(dir, "summary.md");
  const result = await runInProcess([...argv, "--max-retries", "0", "--output", output, ...extra], cliEnv(server.url, { GITHUB_STEP_SUMMARY: summaryFile }));
  let summary = "";
  try {
    summary = readFileSync(summaryFile, "utf8");
  } catch {
    // Not written for this format or outcome.
  }
  // The command got as far as the server: a usage error would make every check below pass for nothing.
  expect(server.requests.length).toBeGreaterThan(0);
  return { ...result, summary };
}

const VARIANTS: [string, string, string[]][] = [
  ["table", "table", []],
  ["table --debug", "table", ["--debug"]],
  ["github", "github", []],
  ["github --debug", "github", ["--debug"]],
];

describe.each(Object.keys(SCENARIOS))("fgs-execution %s", (name) => {
  test.each(VARIANTS)("--output %s: no control or bidi character, no injected line", async (_v, output, extra) => {
    const r = await run(name, output, extra);
    expect({ stdout: terminalProblems(r.stdout), stderr: terminalProblems(r.stderr), summary: terminalProblems(r.summary) }).toEqual({ stdout: [], stderr: [], summary: [] });
  });

  test("--output json: the document has no raw C1 or bidi character and no injected line", async () => {
    const r = await run(name, "json", []);
    expect({ stdout: terminalProblems(r.stdout), stderr: terminalProblems(r.stderr) }).toEqual({ stdout: [], stderr: [] });
  });
});
