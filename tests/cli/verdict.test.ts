/**
 * No exit without a verdict (issue 14, class 2): when the event loop empties while `get`, `latest` or
 * `wait` is undecided, the command exits 3 with FGS_NO_VERDICT on stderr, never 0. The mechanism is
 * tested alone on a fake process, then through the built command with a main() that never settles,
 * and against a raw server whose malformed chunked body once left the read pending forever.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import * as path from "node:path";
import { guardVerdict, NO_VERDICT_LINE } from "../../provider/cli/verdict";
import { ensureBuilt, runCli } from "./helpers";

class FakeProcess extends EventEmitter {
  exitCode: number | string | null | undefined = undefined;
}

describe("the guard (pure)", () => {
  test("armed, the exit code is 3; ending undecided keeps 3 and says why", () => {
    const proc = new FakeProcess();
    const written: string[] = [];
    guardVerdict(proc, (t) => written.push(t));
    expect(proc.exitCode).toBe(3);
    proc.exitCode = 0; // nothing but settle() may decide: even a stray reset is undone at exit
    proc.emit("exit");
    expect(proc.exitCode).toBe(3);
    expect(written).toEqual([NO_VERDICT_LINE]);
    expect(NO_VERDICT_LINE).toMatch(/^fgs-execution: FGS_NO_VERDICT: .+\n$/);
  });

  test.each([0, 1, 4, 5, 130])("settled with %i, the process ends with it and writes nothing", (code) => {
    const proc = new FakeProcess();
    const written: string[] = [];
    const guard = guardVerdict(proc, (t) => written.push(t));
    guard.settle(code);
    proc.emit("exit");
    expect(proc.exitCode).toBe(code);
    expect(written).toEqual([]);
  });

  test("lost output makes it 3, before or after the verdict; the first verdict wins", () => {
    const before = new FakeProcess();
    const g1 = guardVerdict(before, () => undefined);
    g1.outputLost();
    g1.settle(0);
    expect(before.exitCode).toBe(3);
    const after = new FakeProcess();
    const g2 = guardVerdict(after, () => undefined);
    g2.settle(0);
    g2.settle(1);
    expect(after.exitCode).toBe(0);
    g2.outputLost();
    expect(after.exitCode).toBe(3);
  });

  test("a stderr that throws at exit still leaves exit code 3", () => {
    const proc = new FakeProcess();
    guardVerdict(proc, () => {
      throw new Error("EBADF");
    });
    expect(() => proc.emit("exit")).not.toThrow();
    expect(proc.exitCode).toBe(3);
  });
});

const ENV = { HW_ACCESS_KEY: "AKVERDICTTEST", HW_SECRET_KEY: "verdict-secret-key-value", HW_PROJECT_ID: "p-verdict" };

function lookup(command: string, endpoint: string): string[] {
  const base = ["--workflow-id", "wf-1", "--endpoint", endpoint, "--max-retries", "0", "--deadline", "5", "--request-timeout", "3"];
  if (command === "latest") return ["latest", ...base];
  // wait retries transport errors between polls: short intervals keep the test quick.
  const polls = command === "wait" ? ["--interval", "0.05", "--max-interval", "0.1"] : [];
  return [command, ...base, "--execution-id", "ex-1", ...polls];
}

describe("the built command", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  test.each(["get", "latest", "wait"])("%s: a main() that never settles exits 3 with FGS_NO_VERDICT", async (command) => {
    const preload = path.join(__dirname, "fixtures", "neverSettles.js");
    const r = await runCli(lookup(command, "http://127.0.0.1:9"), ENV, { nodeArgs: ["-r", preload] });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(NO_VERDICT_LINE);
  });

  test("a stray process.exit(0) before the verdict still exits 3 with FGS_NO_VERDICT", async () => {
    const preload = path.join(__dirname, "fixtures", "exitsZero.js");
    const r = await runCli(lookup("wait", "http://127.0.0.1:9"), ENV, { nodeArgs: ["-r", preload] });
    expect([r.code, r.stdout, r.stderr]).toEqual([3, "", NO_VERDICT_LINE]);
  });

  describe("a server that sends headers and a malformed chunk in one packet", () => {
    let server: Server;
    let endpoint: string;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => sockets.delete(socket));
        socket.once("data", () => {
          socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address() as { port: number };
      endpoint = `http://127.0.0.1:${address.port}`;
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    test.each(["get", "latest", "wait"])("%s exits 3 with an error line, never 0", async (command) => {
      const r = await runCli(lookup(command, endpoint), ENV, { timeoutMs: 30_000 });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe("");
      // Either the read ends as the transport failure it is, or the guard reports that nothing decided.
      expect(r.stderr).toMatch(/^fgs-execution: FGS_(TRANSPORT|NO_VERDICT): .+\n$/);
    });
  });
});
