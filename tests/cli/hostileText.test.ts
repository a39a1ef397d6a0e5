/**
 * Terminal and CI-log safety (issue 14, class 9): every text the service sends (workflow name and
 * version in the URN, node names, request IDs, error codes and messages) reaches stdout and stderr in
 * every format without control characters, bidi controls or line breaks, and can never become a GitHub
 * workflow command, whether `::cmd::` at the start of a line or the legacy `##[cmd]` anywhere in one.
 * The service is a plain loopback HTTP server that answers whatever it is asked with hostile bodies.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type CliIo, main } from "../../provider/cli/main";
import { ensureBuilt, neverPrint, runCli } from "./helpers";

/** Each kind of character that must not reach a terminal or a log as it came, plus workflow commands. */
const HOSTILE =
  "h\u001b[31mRED\u001b]0;title\u0007\u009b2J\u0085nel\u2028ls\u2029ps\u202eRLO\u2066iso\u2069\u200elrm\u200frlm\u061calm" +
  "\u007fdel\u0000nul\u000bvt\u000cff\r\n::error::injected\n::add-mask::masked\r::stop-commands::tok ##[error]legacy %25 a,b:c";

const SECRET = "hostile-text-secret-key-0123456789";
neverPrint(SECRET);

const ENV = { HW_ACCESS_KEY: "AKHOSTILETEXT", HW_SECRET_KEY: SECRET, HW_PROJECT_ID: "p-hostile" };
const WORKFLOW_ID = "wf-hostile";
const EXECUTION_ID = "ex-hostile";
/** URN parts cannot hold `:`; everything else of the hostile text can. */
const URN_TEXT = HOSTILE.replace(/:/g, ";");
const BEGAN = "2024-05-06T07:00:00Z";

function detail(): Record<string, unknown> {
  return {
    workflow_id: WORKFLOW_ID,
    workflow_urn: `urn:fss:cn-north-4:p-hostile:workflow:default:${URN_TEXT}:${URN_TEXT}`,
    execution_id: EXECUTION_ID,
    status: "fail",
    begin_time: BEGAN,
    end_time: "2024-05-06T07:05:00Z",
    last_update_time: "2024-05-06T07:05:00Z",
    created_by: HOSTILE,
    node_execution_details: [
      {
        node_id: "n-1",
        node_name: HOSTILE,
        execution_id: "x-1",
        executions: [
          {
            status: "fail",
            begin_time: 1714978800000,
            end_time: 1714979100000,
            error_message: { error_code: HOSTILE, error_msg: `${HOSTILE} echo ${SECRET}` },
            request_id: `rq-1\n::error::x\n::add-mask::x${HOSTILE}`,
          },
        ],
      },
    ],
  };
}

function listItem(): Record<string, unknown> {
  const d = detail();
  return { workflow_id: d.workflow_id, workflow_urn: d.workflow_urn, execution_id: d.execution_id, status: d.status, begin_time: BEGAN, end_time: d.end_time, last_update_time: d.last_update_time, created_by: "u" };
}

let server: Server;
let endpoint: string;
beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let body: unknown;
    if (url.pathname.endsWith(`/executions/${EXECUTION_ID}`)) body = detail();
    else if (url.pathname.endsWith("/executions")) body = { executions: url.searchParams.get("offset") === "0" || !url.searchParams.has("offset") ? [listItem()] : [], count: 1 };
    else body = { error_code: "FSS.0404", error_msg: HOSTILE, request_id: `rq\n::error::404${HOSTILE}` };
    res.writeHead(body && typeof body === "object" && "error_code" in body ? 404 : 200, { "content-type": "application/json", "x-request-id": "rq-h" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 180_000);
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Characters no output line may hold (LF separates lines; CR never appears). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const OUR_COMMAND = /^::(error|warning|notice) title=[^:,\r\n]*::[^\r\n]*$/;

/** What is wrong with `text` as output: forbidden characters, or a line the runner would take as a command. */
function problems(text: string, format: "table" | "json" | "github" | "text"): string[] {
  const found: string[] = [];
  const bad = FORBIDDEN.exec(text);
  if (bad) found.push(`U+${(bad[0].codePointAt(0) as number).toString(16).padStart(4, "0")} at ${bad.index}`);
  if (text.includes("##[")) found.push("a legacy ##[ command");
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith("::")) continue;
    if (format !== "github" || !OUR_COMMAND.test(trimmed)) found.push(`a workflow command line: ${JSON.stringify(line.slice(0, 60))}`);
  }
  return found;
}

function fakeIo(env: NodeJS.ProcessEnv): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, stdoutIsTTY: false, stderrIsTTY: false, out: () => out, err: () => err };
}

const target = () => ["--workflow-id", WORKFLOW_ID, "--endpoint", endpoint, "--max-retries", "0"];
const COMMANDS: Array<[string, string[], number]> = [
  ["get", ["get", "--execution-id", EXECUTION_ID], 0],
  ["latest", ["latest", "--since", "2024-05-01T00:00:00Z", "--until", "2024-05-07T00:00:00Z"], 0],
  ["wait (gate rejected)", ["wait", "--execution-id", EXECUTION_ID, "--interval", "0.05"], 1],
];

describe.each(COMMANDS)("%s", (_name, args, exitCode) => {
  test.each(["table", "json", "github"] as const)("--output %s --debug: every line is safe", async (format) => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), "fgs-hostile-")), "summary.md");
    const io = fakeIo({ ...ENV, GITHUB_STEP_SUMMARY: summary });
    const code = await main([...args, ...target(), "--output", format, "--debug"], io);
    expect([code, io.err()]).toEqual([exitCode, expect.any(String)]);
    expect(problems(io.out(), format)).toEqual([]);
    expect(problems(io.err(), "text")).toEqual([]);
    for (const text of [io.out(), io.err()]) expect(text).not.toContain(SECRET);
    if (format === "json") {
      // Escaped, not altered: the value is the service's text, character for character (secret aside).
      const parsed = JSON.parse(io.out()) as { nodes: Array<{ nodeName: string }> };
      expect(parsed.nodes[0]?.nodeName).toBe(HOSTILE);
    }
    if (format === "github") {
      const md = readFileSync(summary, "utf8");
      expect(problems(md, "text")).toEqual([]);
      expect(md).not.toContain(SECRET);
      expect(io.out().trimEnd().split("\n").every((l) => OUR_COMMAND.test(l))).toBe(true);
    }
  });
});

test("on a terminal, the live progress line and the colored table carry only their own escape codes", async () => {
  const io = { ...fakeIo(ENV), stdoutIsTTY: true, stderrIsTTY: true };
  expect(await main(["wait", ...target(), "--execution-id", EXECUTION_ID, "--interval", "0.05"], io)).toBe(1);
  // The command's own codes: clear-line on stderr; bold, red, green, yellow and reset in the table.
  const own = (text: string) => text.replace(/\r\u001b\[2K/g, "\n").replace(/\u001b\[(0|1|31|32|33)m/g, "");
  expect(problems(own(io.err()), "text")).toEqual([]);
  expect(problems(own(io.out()), "table")).toEqual([]);
  expect(io.err()).toContain("\r\u001b[2K");
  expect(io.out()).toContain("\u001b[31m");
});

test("an API error quoting hostile text is one safe line", async () => {
  const io = fakeIo(ENV);
  expect(await main(["get", ...target(), "--execution-id", "missing", "--debug"], io)).toBe(3);
  expect(io.out()).toBe("");
  expect(problems(io.err(), "text")).toEqual([]);
  expect(io.err()).toMatch(/^fgs-execution: FGS_API_ERROR: .+$/m);
});

test("the built command: a node's request_id cannot inject ::error or ::add-mask into the default table", async () => {
  const r = await runCli(["get", ...target(), "--execution-id", EXECUTION_ID], ENV);
  expect(r.code).toBe(0);
  expect(problems(r.stdout, "table")).toEqual([]);
  expect(problems(r.stderr, "text")).toEqual([]);
  expect(r.stdout).toMatch(/request id rq-1 ::error::x ::add-mask::x/);
});
