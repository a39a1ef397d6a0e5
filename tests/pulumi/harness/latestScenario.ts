/**
 * The emulated account of the latest-run Pulumi tests: a workflow with several runs whose newest
 * succeeded (with payloads), one whose newest run failed in a named node, one where a newer run appears
 * after the first lookup, two workflows with the same name, and one with only an old run. Times are
 * relative to the emulator's time base (start or `reset()`); the emulator serves list items in a shuffled
 * order, so the newest run is never simply the first or the last item.
 */
import { startEmulator, type Scenario, type ScenarioNode } from "../../../emulator";

export const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

export const RELEASE = {
  id: "wf-release-checks",
  name: "release-checks",
  /** The newest run: success, began 5 minutes ago, with payloads. */
  newest: "rel-newest",
  /** Older runs: success 2 days ago, fail 30 minutes ago, success 1 hour ago. */
  older: ["rel-2d", "rel-30m-fail", "rel-1h"],
  /** The newest failed run (with `status: "fail"` as a filter). */
  newestFail: "rel-30m-fail",
} as const;

export const FLAKY = {
  id: "wf-flaky-checks",
  name: "flaky-checks",
  /** The newest run: failed in node integration-tests ("3 of 120 tests failed"). */
  newest: "flaky-newest-fail",
  failedNode: "integration-tests",
} as const;

export const NIGHTLY = {
  id: "wf-nightly",
  name: "nightly",
  /** The latest run at first. */
  first: "nightly-1h",
  /**
   * A newer run that is listed only after one whole lookup of this workflow was answered: two list calls,
   * the page and the empty page that ends the scan. Appearing between the two would change the list under
   * the scan, which the lookup refuses (a repeated item reads as an ignored offset).
   */
  appearing: "nightly-new",
} as const;

/** Two workflows share this name. */
export const AMBIGUOUS_NAME = "deploy";
/** Only a run 5 days ago: outside the default 3-day window. */
export const QUIET = { id: "wf-quiet", name: "quiet" } as const;

/** Payload values that must never show up in plain text (state, previews, exports, logs). */
export const PAYLOAD_SECRET = "payload-token-5e3f";

const done = (id: string, name: string, begin: string, end: string, output?: Record<string, unknown>): ScenarioNode => ({
  id,
  name,
  executions: [{ status: "success", beginTime: begin, endTime: end, input: { step: name }, output }],
});

export const LATEST_PULUMI_SCENARIO: Scenario = {
  projectId: PROJECT_ID,
  region: "cn-north-4",
  workflows: [
    {
      id: RELEASE.id,
      name: RELEASE.name,
      executions: [
        { id: "rel-2d", status: "success", beginTime: "-2d", endTime: "-2d", nodes: [done("build", "build", "-2d", "-2d")] },
        {
          id: RELEASE.newest,
          status: "success",
          beginTime: "-5m",
          endTime: "-2m",
          createdBy: "ci-bot",
          headers: { "X-Trigger": PAYLOAD_SECRET },
          input: { version: "2.1.0", token: PAYLOAD_SECRET },
          output: { result: "passed" },
          nodes: [
            done("build", "build", "-5m", "-4m", { artifact: "release-2.1.0.tgz" }),
            done("deploy", "deploy-canary", "-4m", "-2m", { canary: PAYLOAD_SECRET }),
          ],
        },
        {
          id: RELEASE.newestFail,
          status: "fail",
          beginTime: "-30m",
          endTime: "-28m",
          nodes: [
            {
              id: "it",
              name: "integration-tests",
              executions: [
                { status: "fail", beginTime: "-30m", endTime: "-28m", errorMessage: { error_code: "FSS.1051", error_msg: "2 of 50 tests failed" } },
              ],
            },
          ],
        },
        { id: "rel-1h", status: "success", beginTime: "-1h", endTime: "-55m", nodes: [done("build", "build", "-1h", "-55m")] },
      ],
    },
    // The server's name filter ("contains") also returns this one for "release-checks"; it has a newer run.
    { id: "wf-release-checks-v2", name: "release-checks-v2", executions: [{ id: "v2-newest", status: "success", beginTime: "-1m", endTime: "-30s" }] },
    {
      id: FLAKY.id,
      name: FLAKY.name,
      executions: [
        { id: "flaky-old-ok", status: "success", beginTime: "-1h", endTime: "-50m", nodes: [done("build", "build", "-1h", "-50m")] },
        {
          id: FLAKY.newest,
          status: "fail",
          beginTime: "-10m",
          endTime: "-8m",
          input: { token: PAYLOAD_SECRET },
          nodes: [
            done("build", "build", "-10m", "-9m"),
            {
              id: "it",
              name: FLAKY.failedNode,
              executions: [
                {
                  status: "fail",
                  beginTime: "-9m",
                  endTime: "-8m",
                  errorMessage: { error_code: "FSS.1051", error_msg: "3 of 120 tests failed" },
                  requestId: "rq-flaky-it-1",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: NIGHTLY.id,
      name: NIGHTLY.name,
      executions: [
        { id: NIGHTLY.first, status: "success", beginTime: "-1h", endTime: "-50m", nodes: [done("build", "build", "-1h", "-50m")] },
        {
          id: NIGHTLY.appearing,
          status: "success",
          beginTime: "-1m",
          endTime: "-10s",
          appearAfterListCalls: 2,
          nodes: [done("build", "build", "-1m", "-10s")],
        },
      ],
    },
    { id: "wf-deploy-a", name: AMBIGUOUS_NAME, executions: [] },
    { id: "wf-deploy-b", name: AMBIGUOUS_NAME, executions: [] },
    { id: QUIET.id, name: QUIET.name, executions: [{ id: "quiet-5d", status: "success", beginTime: "-5d", endTime: "-5d" }] },
  ],
};

export type LatestEmulator = Awaited<ReturnType<typeof startEmulator>>;

/** Starts the emulator in-process on port 0 with this scenario and the demo credentials. */
export function startLatestEmulator(): Promise<LatestEmulator> {
  return startEmulator({ port: 0, scenario: LATEST_PULUMI_SCENARIO });
}

/** The connection inputs (endpoint and project, so no IAM discovery and no region are needed). */
export function connection(emulator: LatestEmulator) {
  return { endpoint: emulator.url, projectId: PROJECT_ID };
}
