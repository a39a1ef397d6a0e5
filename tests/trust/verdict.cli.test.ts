/**
 * Issue 14, class 2 (no exit without a verdict): the built command, run as a child process, against
 * framing faults that leave a read without further events. Whatever happens inside, the process must not
 * exit 0 with nothing printed: the answer is exit 3 and a one-line reason on stderr.
 */
import { cliEnv, WORKFLOW } from "./support/fixtures";
import { runProcess, target } from "./support/cli";
import { CODING_FAULTS, FRAMING_FAULTS, startRawServer, type RawServer } from "./support/rawServer";

const FAULTS = [
  "invalid chunk-size line right after the headers",
  "bytes after the Content-Length body",
  "Content-Length longer than the body, then close",
  "connection reset mid-body",
] as const;

const COMMANDS: Record<string, string[]> = {
  "wait --require success": ["wait", ...target("exec-cli"), "--require", "success", "--interval", "0.05", "--max-interval", "0.1"],
  get: ["get", ...target("exec-cli")],
  latest: ["latest", "--workflow-id", WORKFLOW],
  "wait --latest": ["wait", "--latest", "--workflow-id", WORKFLOW, "--interval", "0.05", "--max-interval", "0.1"],
  "latest --workflow-name": ["latest", "--workflow-name", "trust-flow"],
  "get (project ID discovered through IAM)": ["get", ...target("exec-cli")],
};

/** The environment of a command: the last one finds its project through IAM, on the same server. */
function envFor(command: string, url: string): Record<string, string> {
  const env = cliEnv(url);
  if (command.includes("IAM")) delete env.HW_PROJECT_ID;
  return env;
}

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(FAULTS)("framing fault: %s", (fault) => {
  test.each(Object.keys(COMMANDS))("fgs-execution %s exits 3 with a message, never 0 with empty output", async (command) => {
    server = await startRawServer(FRAMING_FAULTS[fault]!);
    const run = await runProcess([...COMMANDS[command]!, "--max-retries", "1"], envFor(command, server.url));
    expect({ code: run.code, stdoutEmpty: run.stdout === "" }).not.toEqual({ code: 0, stdoutEmpty: true });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
    expect(server.requests.length).toBeGreaterThan(0);
  });
});

test.each(Object.keys(CODING_FAULTS))("content-coding fault: %s: fgs-execution wait --require success exits 3, never 0", async (fault) => {
  server = await startRawServer(CODING_FAULTS[fault]!);
  const run = await runProcess([...COMMANDS["wait --require success"]!, "--max-retries", "0"], envFor("wait", server.url));
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});

test.each(Object.keys(COMMANDS))("fgs-execution %s against a server that accepts and never answers fails, never exits 0", async (command) => {
  server = await startRawServer(() => undefined);
  const waitFlags = command.startsWith("wait") ? ["--timeout", "3"] : [];
  const run = await runProcess([...COMMANDS[command]!, "--max-retries", "0", "--request-timeout", "1", ...waitFlags], envFor(command, server.url));
  // A wait may end on its errors (3) or on its timeout (4); a read ends on its errors.
  expect(command.startsWith("wait") ? [3, 4] : [3]).toContain(run.code);
  expect(run.stderr).toMatch(/^fgs-execution: FGS_[A-Z_]+: \S/m);
});
