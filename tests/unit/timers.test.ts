/** The shared attempt timer (provider/api/timers.ts) and the cancellation it drives (provider/api/abort.ts). */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { attemptSignal } from "../../provider/api/abort";
import { addTimeout, pendingTimeouts, removeTimeout } from "../../provider/api/timers";
import { ensureBuilt, ROOT } from "../cli/helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Arms a timeout firing `fire` at `dueAt`; returns its cancellation. */
function scheduleTimeout(dueAt: number, fire: () => void): () => void {
  const entry = { dueAt, fire };
  addTimeout(entry);
  return () => removeTimeout(entry);
}

test("each timeout fires once, at or after its due time, in due order, whatever the order of scheduling", async () => {
  const start = Date.now();
  const fired: Array<[string, number]> = [];
  const at = (label: string, ms: number) => scheduleTimeout(start + ms, () => fired.push([label, Date.now() - start]));
  at("late", 120);
  at("early", 30); // due before the one the timer is armed for: re-arms it
  at("middle", 60);
  await sleep(200);
  expect(fired.map(([l]) => l)).toEqual(["early", "middle", "late"]);
  for (const [label, elapsed] of fired) expect(elapsed).toBeGreaterThanOrEqual({ early: 30, middle: 60, late: 120 }[label] as number);
  expect(pendingTimeouts()).toBe(0);
});

test("a cancelled timeout never fires, and one timeout's cancellation leaves the others armed", async () => {
  const start = Date.now();
  const fired: string[] = [];
  const cancelFirst = scheduleTimeout(start + 20, () => fired.push("first"));
  scheduleTimeout(start + 50, () => fired.push("second"));
  cancelFirst();
  cancelFirst(); // idempotent
  await sleep(100);
  expect(fired).toEqual(["second"]);
});

test("a timeout already due fires on the next turn, not synchronously", async () => {
  const fired: string[] = [];
  scheduleTimeout(Date.now() - 1000, () => fired.push("past"));
  expect(fired).toEqual([]);
  await sleep(20);
  expect(fired).toEqual(["past"]);
});

test("many overlapping timeouts: every one fires once, none early", async () => {
  const start = Date.now();
  const fired = new Map<number, number[]>();
  const due = Array.from({ length: 200 }, (_, i) => start + 5 + ((i * 37) % 80));
  due.forEach((d, i) => scheduleTimeout(d, () => void fired.set(i, [...(fired.get(i) ?? []), Date.now()])));
  await sleep(150);
  expect(fired.size).toBe(200);
  for (const [i, times] of fired) {
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(due[i] as number);
  }
  expect(pendingTimeouts()).toBe(0);
});

test("an armed timer for a finished call does not keep the process alive", () => {
  // The child schedules a 60 s timeout and cancels it, as every successful request does; it must exit at once.
  ensureBuilt();
  const timers = path.join(ROOT, "dist", "provider", "api", "timers.js");
  const script = `const t = require(${JSON.stringify(timers)}); const e = { dueAt: Date.now() + 60000, fire() {} }; t.addTimeout(e); t.removeTimeout(e); console.log("done")`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 30_000 });
  expect(r.stderr).toBe("");
  expect(r.stdout.trim()).toBe("done");
  expect(r.signal).toBeNull(); // not killed by the 30 s guard
});

describe("attemptSignal", () => {
  test("names the per-attempt timeout when it comes first, and the deadline when that comes first", async () => {
    const timeout = attemptSignal(20, Date.now() + 10_000, undefined);
    const deadline = attemptSignal(10_000, Date.now() + 20, undefined);
    await sleep(80);
    expect([timeout.signal.aborted, timeout.cause()]).toEqual([true, "timeout"]);
    expect([deadline.signal.aborted, deadline.cause()]).toEqual([true, "deadline"]);
  });

  test("follows the caller's signal, and stops listening to it once disposed", async () => {
    const caller = new AbortController();
    const a = attemptSignal(10_000, Date.now() + 10_000, caller.signal);
    const heard: string[] = [];
    a.signal.addEventListener("abort", () => heard.push("abort"));
    caller.abort();
    expect([a.signal.aborted, a.cause(), heard]).toEqual([true, "aborted", ["abort"]]);

    const other = new AbortController();
    const b = attemptSignal(10_000, Date.now() + 10_000, other.signal);
    b.dispose();
    other.abort();
    expect([b.signal.aborted, b.cause()]).toEqual([false, undefined]);
  });

  test("a disposed attempt never fires its timeout", async () => {
    const a = attemptSignal(15, Date.now() + 10_000, undefined);
    a.dispose();
    await sleep(60);
    expect([a.signal.aborted, a.cause()]).toEqual([false, undefined]);
  });

  test("a caller's signal that is already aborted aborts at once", () => {
    const a = attemptSignal(10_000, Date.now() + 10_000, AbortSignal.abort());
    expect([a.signal.aborted, a.cause()]).toEqual([true, "aborted"]);
    a.dispose();
  });
});
