/**
 * The poll loop on a virtual clock (jest's fake timers fake setTimeout and Date.now): the schedule of
 * reads, the hard bound on a read in flight (issue 14, class 3) and cancellation. Exact virtual times
 * are asserted; nothing here depends on how busy the machine is.
 */
import { isTransportError, TransportError } from "../../provider/errors";
import { READ_GRACE_MS, type ReadLimits } from "../../provider/gate/bounds";
import type { WaitPolicy } from "../../provider/gate/options";
import { pollLoop, type LoopHooks } from "../../provider/gate/pollLoop";

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

const wait = (o: Partial<WaitPolicy> = {}): WaitPolicy => ({ timeoutMs: 1200, minIntervalMs: 50, maxIntervalMs: 400, maxConsecutiveErrors: 3, ...o });
const hooks = (o: Partial<LoopHooks<string>> = {}): LoopHooks<string> => ({
  done: (v) => v === "final",
  isTransient: (e) => isTransportError(e) && e.kind === "network",
  waitingFor: "waiting",
  random: () => 1,
  ...o,
});
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** Runs the loop (just started) to its end on the virtual clock; its outcome or error, and when it came. */
async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown; at: number }> {
  const t0 = Date.now();
  const out = p.then(
    (value) => ({ value, at: Date.now() - t0 }),
    (error: unknown) => ({ error, at: Date.now() - t0 }),
  );
  await jest.advanceTimersByTimeAsync(60_000);
  return out;
}

test("reads follow the schedule (random 1: 50, 100, 200, 400, 400 ms) and the last one falls on the timeout", async () => {
  const at: number[] = [];
  const o = await settle(pollLoop(async () => (at.push(Date.now()), "running"), wait(), hooks()));
  expect(at).toEqual([0, 50, 150, 350, 750, 1150, 1200]);
  expect(o.value).toMatchObject({ value: "running", reads: 7, timedOut: true });
});

test("a final value ends the loop at once", async () => {
  let n = 0;
  const o = await settle(pollLoop(async () => (++n === 3 ? "final" : "running"), wait(), hooks()));
  expect(o.value).toMatchObject({ value: "final", reads: 3, timedOut: false });
  expect(o.at).toBe(150);
});

test("each read gets a signal and the time left, the grace included", async () => {
  const limits: ReadLimits[] = [];
  await settle(pollLoop(async (l) => (limits.push(l), "running"), wait(), hooks()));
  expect(limits.map((l) => l.deadlineMs)).toEqual([0, 50, 150, 350, 750, 1150, 1200].map((t) => 1200 + READ_GRACE_MS - t));
  expect(limits.every((l) => !l.signal.aborted || l === limits.at(-1))).toBe(true);
});

test("a read still in flight at the timeout is cut after the grace: timed out with the last value, its signal aborted", async () => {
  let n = 0;
  let last: AbortSignal | undefined;
  const read = (l: ReadLimits) => {
    last = l.signal;
    return ++n === 1 ? Promise.resolve("running") : never<string>();
  };
  const o = await settle(pollLoop(read, wait(), hooks()));
  expect(o.value).toMatchObject({ value: "running", reads: 1, attempts: 2, timedOut: true });
  expect(o.at).toBe(1200 + READ_GRACE_MS);
  expect(last?.aborted).toBe(true);
});

test("when no read completes before the bound, the loop fails closed with a deadline error", async () => {
  const o = await settle(pollLoop(() => never<string>(), wait(), hooks()));
  expect(isTransportError(o.error)).toBe(true);
  expect((o.error as TransportError).kind).toBe("deadline");
  expect(o.at).toBe(1200 + READ_GRACE_MS);
});

test("a wait of 0 s still reads once, and that read is bounded by the grace", async () => {
  const once = await settle(pollLoop(async () => "running", wait({ timeoutMs: 0 }), hooks()));
  expect(once.value).toMatchObject({ reads: 1, timedOut: true });
  const cut = await settle(pollLoop(() => never<string>(), wait({ timeoutMs: 0 }), hooks()));
  expect(cut.at).toBe(READ_GRACE_MS);
});

test("the caller's signal cancels a read in flight at once", async () => {
  const caller = new AbortController();
  setTimeout(() => caller.abort(), 300);
  const o = await settle(pollLoop(() => never<string>(), wait({ timeoutMs: 10_000 }), hooks({ signal: caller.signal })));
  expect((o.error as TransportError).kind).toBe("aborted");
  expect(o.at).toBe(300);
});

test("the caller's signal cancels a sleep at once", async () => {
  const caller = new AbortController();
  setTimeout(() => caller.abort(), 20);
  const o = await settle(pollLoop(async () => "running", wait({ timeoutMs: 10_000 }), hooks({ signal: caller.signal })));
  expect((o.error as TransportError).kind).toBe("aborted");
  expect(o.at).toBe(20);
});

test("transient errors are absorbed up to the budget; the next one is thrown", async () => {
  const network = () => new TransportError("network", { method: "GET", path: "/x" }, 1, "reset");
  let n = 0;
  const o = await settle(pollLoop(async () => (++n <= 4 ? Promise.reject(network()) : "final"), wait(), hooks()));
  expect((o.error as TransportError).kind).toBe("network");
  expect(n).toBe(4);
});

test("an error that is not transient ends the loop at once", async () => {
  const o = await settle(pollLoop(async () => Promise.reject(new Error("forbidden")), wait(), hooks()));
  expect((o.error as Error).message).toBe("forbidden");
  expect(o.at).toBe(0);
});
