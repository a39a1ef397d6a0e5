/** The latest-run choice does not depend on the order items are served in. */
import { compareRuns, type Podium, rankRun } from "../../provider/latest/rank";
import type { ExecutionSummary } from "../../provider/model/summary";

function run(id: string, beginTime?: string, lastUpdateTime?: string): ExecutionSummary {
  return { workflowId: "w", workflowUrn: "urn", executionId: id, status: "success", ...(beginTime ? { beginTime } : {}), ...(lastUpdateTime ? { lastUpdateTime } : {}) };
}

function podium(runs: ExecutionSummary[]): Podium {
  return runs.reduce<Podium>(rankRun, {});
}

function pick(runs: ExecutionSummary[]): string | undefined {
  return podium(runs).latest?.executionId;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("compareRuns / rankRun", () => {
  const runs = [
    run("a", "2024-05-06T07:00:00.000Z"),
    run("b", "2024-05-06T08:00:00.000Z", "2024-05-06T08:05:00.000Z"),
    run("c", "2024-05-06T08:00:00.000Z", "2024-05-06T08:09:00.000Z"), // same second as b, updated later
    run("d"), // no begin time: ranks last
    run("e", "2024-05-05T23:00:00.000Z"),
  ];

  test("the run that began last wins; a tie goes to the later update", () => {
    expect(pick(runs)).toBe("c");
  });

  test("the choice and the runner-up are the same in any serving order", () => {
    for (let seed = 1; seed < 50; seed++) {
      const p = podium(shuffled(runs, seed));
      expect([p.latest?.executionId, p.runnerUp?.executionId]).toEqual(["c", "b"]);
    }
  });

  test("full ties are broken by the greater execution ID", () => {
    const t = "2024-05-06T08:00:00.000Z";
    expect(pick([run("x1", t, t), run("x3", t, t), run("x2", t, t)])).toBe("x3");
    expect(pick([run("x3", t, t), run("x1", t, t)])).toBe("x3");
  });

  test("a run without a begin time is chosen only when no run has one", () => {
    expect(pick([run("late-unknown"), run("early", "2000-01-01T00:00:00.000Z")])).toBe("early");
    expect(pick([run("u1"), run("u2")])).toBe("u2");
    expect(compareRuns(run("same"), run("same"))).toBe(0);
  });
});
