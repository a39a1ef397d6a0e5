/**
 * The emulated account of the `latest` / `wait --latest` CLI tests: workflows found by ID or by name
 * (with near-miss names the server's "contains" filter also returns), an ambiguous name, a window with no
 * run, a run that progresses to success, a latest run that failed, and a run that appears while waiting.
 * Times are relative to the emulator's time base (start or `reset()`).
 */
import type { Scenario } from "fgs-workflow-gate/emulator";

export const RELEASE_ID = "wf-release";
export const RELEASE_NAME = "release-checks";
/** The failed node of the latest release run. */
export const RELEASE_FAILED_NODE = "integration-tests";
export const GREEN_ID = "wf-green";
export const GREEN_NAME = "green-build";

const ok = (id: string, name: string, begin = "-5m", end = "-4m") => ({
  id,
  name,
  executions: [{ status: "success" as const, beginTime: begin, endTime: end }],
});

export const LATEST_SCENARIO: Scenario = {
  projectId: "4b5c6d7e8f90a1b2c3d4e5f60718293a",
  region: "cn-north-4",
  workflows: [
    {
      id: RELEASE_ID,
      name: RELEASE_NAME,
      executions: [
        { id: "rel-old", status: "success", beginTime: "-2d", endTime: "-2d", nodes: [ok("build", "build", "-2d", "-2d")] },
        // The emulator serves runs in a fixed shuffle, so the newest is not simply the first or the last item.
        {
          id: "rel-fail",
          status: "fail",
          beginTime: "-10m",
          endTime: "-8m",
          nodes: [
            ok("build", "build", "-10m", "-9m"),
            {
              id: "it",
              name: RELEASE_FAILED_NODE,
              executions: [
                {
                  status: "fail",
                  beginTime: "-9m",
                  endTime: "-8m",
                  errorMessage: { error_code: "FSS.1051", error_msg: "3 of 120 tests failed" },
                  requestId: "rq-rel-it-1",
                },
              ],
            },
          ],
        },
        { id: "rel-success", status: "success", beginTime: "-30m", endTime: "-25m", nodes: [ok("build", "build", "-30m", "-26m")] },
      ],
    },
    // The server's name filter matches these too; both have a newer run than release-checks.
    { id: "wf-release-v2", name: "release-checks-v2", executions: [{ id: "v2-newest", status: "success", beginTime: "-1m", endTime: "-30s" }] },
    { id: "wf-release-upper", name: "Release-Checks", executions: [{ id: "upper-newest", status: "success", beginTime: "-1m", endTime: "-30s" }] },
    { id: "wf-deploy-a", name: "deploy", executions: [] },
    { id: "wf-deploy-b", name: "deploy", executions: [] },
    {
      id: GREEN_ID,
      name: GREEN_NAME,
      executions: [
        { id: "green-earlier", status: "fail", beginTime: "-20m", endTime: "-19m", nodes: [ok("build", "build", "-20m", "-19m")] },
        {
          id: "green-now",
          status: "running",
          beginTime: "-1m",
          nodes: [{ id: "build", name: "build", executions: [{ status: "running", beginTime: "-1m" }] }],
          progress: [
            { afterPolls: 1, nodes: [ok("build", "build", "-1m", "-30s"), { id: "test", name: "unit-tests", executions: [{ status: "running", beginTime: "-30s" }] }] },
            { afterPolls: 2, status: "success", endTime: "now", nodes: [ok("test", "unit-tests", "-30s", "now")] },
          ],
        },
      ],
    },
    // Only a run older than the default 3-day window.
    { id: "wf-quiet", name: "quiet", executions: [{ id: "quiet-5d", status: "success", beginTime: "-5d", endTime: "-5d" }] },
    {
      id: "wf-appear",
      name: "appearing",
      executions: [
        {
          id: "appear-late",
          status: "running",
          beginTime: "-5s",
          appearAfterListCalls: 2,
          nodes: [{ id: "build", name: "build", executions: [{ status: "running", beginTime: "-5s" }] }],
          progress: [{ afterPolls: 1, status: "success", endTime: "now", nodes: [ok("build", "build", "-5s", "now")] }],
        },
      ],
    },
  ],
};
