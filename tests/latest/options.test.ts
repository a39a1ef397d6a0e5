/** Argument checks of getLatestWorkflowExecution: all before any request. */
import { isConfigurationError } from "../../provider/errors";
import { CLOCK_SKEW_ALLOWANCE_MS } from "../../provider/gate/freshness";
import { DEFAULT_WINDOW_MS, normalizeLatestQuery, queryTime, windowAt } from "../../provider/latest/options";
import type { GetLatestWorkflowExecutionArgs } from "../../provider/latest/args";

const NOW = Date.UTC(2024, 4, 6, 7, 8, 9, 500);

function settingOf(args: Partial<GetLatestWorkflowExecutionArgs>): string | undefined {
  try {
    normalizeLatestQuery(args as GetLatestWorkflowExecutionArgs, NOW);
  } catch (e) {
    expect(isConfigurationError(e)).toBe(true);
    return (e as { setting?: string }).setting;
  }
  return undefined;
}

describe("normalizeLatestQuery", () => {
  test("exactly one of workflowId and workflowName", () => {
    expect(settingOf({})).toBe("workflowId");
    expect(settingOf({ workflowId: "w", workflowName: "n" })).toBe("workflowName");
    expect(settingOf({ workflowId: "w" })).toBeUndefined();
    expect(settingOf({ workflowName: "release-checks" })).toBeUndefined();
  });

  test("IDs and names are checked", () => {
    expect(settingOf({ workflowId: "a/b" })).toBe("workflowId");
    expect(settingOf({ workflowName: "" })).toBe("workflowName");
    expect(settingOf({ workflowName: " padded" })).toBe("workflowName");
    expect(settingOf({ workflowName: "x".repeat(257) })).toBe("workflowName");
  });

  test("status: only the five the list API filters on", () => {
    for (const s of ["success", "fail", "running", "timeout", "cancel"]) expect(settingOf({ workflowId: "w", status: s as never })).toBeUndefined();
    expect(settingOf({ workflowId: "w", status: "scheduled" as never })).toBe("status");
    expect(settingOf({ workflowId: "w", status: "SUCCESS" as never })).toBe("status");
  });

  test("since/until: Dates or zoned ISO strings, in order", () => {
    expect(settingOf({ workflowId: "w", since: "2024-05-06" })).toBe("since");
    expect(settingOf({ workflowId: "w", since: "2024-05-06T07:00:00" })).toBe("since");
    expect(settingOf({ workflowId: "w", until: new Date(NaN) })).toBe("until");
    expect(settingOf({ workflowId: "w", since: "2024-05-06T07:00:00Z", until: "2024-05-06T06:00:00Z" })).toBe("since");
    expect(settingOf({ workflowId: "w", since: "2024-05-06T09:00:00+02:00", until: new Date(NOW) })).toBeUndefined();
    expect(settingOf({ workflowId: "w", fullHistory: "yes" as never })).toBe("fullHistory");
  });

  test("the default window is the API's 3 days, ending 15 minutes past now (clock skew)", () => {
    const q = normalizeLatestQuery({ workflowId: "w" }, NOW);
    expect(windowAt(q, NOW)).toEqual({ untilMs: NOW + CLOCK_SKEW_ALLOWANCE_MS, sinceMs: NOW + CLOCK_SKEW_ALLOWANCE_MS - DEFAULT_WINDOW_MS });
    const fixed = normalizeLatestQuery({ workflowId: "w", since: "2024-05-01T00:00:00Z" }, NOW);
    expect(windowAt(fixed, NOW + 60_000).sinceMs).toBe(Date.UTC(2024, 4, 1));
  });
});

describe("queryTime", () => {
  test("documented format, rounded outwards", () => {
    expect(queryTime(NOW, "down")).toBe("2024-05-06 07:08:09");
    expect(queryTime(NOW, "up")).toBe("2024-05-06 07:08:10");
    expect(queryTime(Date.UTC(2024, 4, 6), "up")).toBe("2024-05-06 00:00:00");
  });
});
