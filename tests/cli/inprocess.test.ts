/**
 * `main` called in-process with fake streams: what needs a terminal (the live progress line, color),
 * which a child process with pipes cannot show, plus the exit-code mapping.
 */
import type { RunningEmulator } from "fgs-workflow-gate/emulator";
import { ErrorCodes } from "../../provider/errors";
import { exitCodeOf, ExitCodes } from "../../provider/cli/exitCodes";
import { type CliIo, main } from "../../provider/cli/main";
import { GateErrorCodes } from "../../provider/gate/gateError";
import { cliEnv, startCliEmulator, target } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startCliEmulator();
});
afterAll(() => emu?.close());
beforeEach(() => emu.reset());

function fakeIo(env: NodeJS.ProcessEnv, tty: boolean): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    out: () => out,
    err: () => err,
  };
}

describe("on a terminal", () => {
  test("wait draws one live line, rewritten in place, and clears it before the result", async () => {
    const io = fakeIo(cliEnv(emu), true);
    const code = await main(["wait", ...target(emu, "run-progress"), "--interval", "0.05", "--max-interval", "0.1"], io);
    expect(code).toBe(0);
    const frames = io.err().split("\r\x1b[2K").filter((f) => f !== "");
    expect(frames[0]).toMatch(/^⏳ 0 s {2}running, 0 of 1 nodes finished {2}\(Workflow deploy-pipeline execution run-progress\)$/);
    expect(frames[frames.length - 1]).toMatch(/success, 2 of 2 nodes finished/);
    expect(io.err()).not.toContain("\n");
    expect(io.err().endsWith("\r\x1b[2K")).toBe(true);
  });

  test("the failed node's row is red and the status colored; NO_COLOR turns color off", async () => {
    const colored = fakeIo(cliEnv(emu), true);
    expect(await main(["get", ...target(emu, "run-failed")], colored)).toBe(0);
    expect(colored.out()).toMatch(/\x1b\[31m✗ +integration-tests: e2e, 100% +fail.*\x1b\[0m/);
    expect(colored.out()).toContain("\x1b[31m✗ fail\x1b[0m");
    const plain = fakeIo(cliEnv(emu, { NO_COLOR: "1" }), true);
    expect(await main(["get", ...target(emu, "run-failed")], plain)).toBe(0);
    expect(plain.out()).not.toContain("\x1b[");
  });
});

describe("pieces", () => {
  // The escaping of the github and Markdown formats is tested with safeText, in safeText.test.ts.
  test("exit codes follow the error codes", () => {
    const of = (code: string) => exitCodeOf({ code });
    expect(of(GateErrorCodes.rejected)).toBe(ExitCodes.rejected);
    expect(of(GateErrorCodes.stale)).toBe(1);
    expect(of(GateErrorCodes.timeout)).toBe(4);
    expect(of("FGS_NO_EXECUTION")).toBe(5);
    expect(of(ErrorCodes.configuration)).toBe(2);
    expect(of("FGS_USAGE")).toBe(2);
    expect(of(ErrorCodes.api)).toBe(3);
    expect(of(ErrorCodes.transport)).toBe(3);
    expect(of(ErrorCodes.responseValidation)).toBe(3);
    expect(exitCodeOf(new Error("bug"))).toBe(3);
  });

  test("an unexpected error is one line and still exits (main never rejects)", async () => {
    const io = fakeIo(cliEnv(emu), false);
    const broken = { ...io, stdout: { write: () => { throw new TypeError("stdout closed"); } } };
    expect(await main(["get", ...target(emu, "run-success")], broken)).toBe(3);
    expect(io.err()).toBe("fgs-execution: FGS_UNEXPECTED: TypeError: stdout closed (run with --debug for details)\n");
  });
});
