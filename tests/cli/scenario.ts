/**
 * The emulated account the CLI tests run against: one workflow with a run in each state the command
 * must handle. Written here rather than taken from the default scenario so that each test states exactly
 * what it expects (node names with characters GitHub annotations must escape, a run that stays running).
 */
import type { Scenario } from "fgs-workflow-gate/emulator";

export const WORKFLOW_ID = "wf-deploy";
export const WORKFLOW_NAME = "deploy-pipeline";
/** A node name with `:`, `,` and `%`, which must be escaped in annotation properties. */
export const FAILED_NODE = "integration-tests: e2e, 100%";

const ok = (id: string, name: string) => ({
  id,
  name,
  executions: [{ status: "success" as const, beginTime: "-5m", endTime: "-4m" }],
});

export const CLI_SCENARIO: Scenario = {
  projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  region: "cn-north-4",
  workflows: [
    {
      id: WORKFLOW_ID,
      name: WORKFLOW_NAME,
      executions: [
        { id: "run-success", status: "success", beginTime: "-5m", endTime: "-3m", nodes: [ok("build", "build"), ok("test", "unit-tests")] },
        {
          id: "run-failed",
          status: "fail",
          beginTime: "-5m",
          endTime: "-3m",
          nodes: [
            ok("build", "build"),
            {
              id: "it",
              name: FAILED_NODE,
              executions: [
                {
                  status: "fail",
                  beginTime: "-4m",
                  endTime: "-3m",
                  errorMessage: { error_code: "FSS.1051", error_msg: "assertion failed | expected 3 <got> 4" },
                  requestId: "rq-node-it-1",
                },
              ],
            },
          ],
        },
        { id: "run-cancelled", status: "cancel", beginTime: "-5m", endTime: "-3m", nodes: [ok("build", "build")] },
        {
          id: "run-progress",
          status: "running",
          beginTime: "-10s",
          nodes: [{ id: "build", name: "build", executions: [{ status: "running", beginTime: "-10s" }] }],
          progress: [
            { afterPolls: 1, nodes: [ok("build", "build"), { id: "test", name: "unit-tests", executions: [{ status: "running", beginTime: "-1s" }] }] },
            { afterPolls: 2, status: "success", endTime: "now", nodes: [ok("test", "unit-tests")] },
          ],
        },
        {
          id: "run-stuck",
          status: "running",
          beginTime: "-10s",
          nodes: [{ id: "build", name: "build", executions: [{ status: "running", beginTime: "-10s" }] }],
        },
        { id: "run-old", status: "success", beginTime: "-4d", endTime: "-4d", nodes: [ok("build", "build")] },
        { id: "run-500", basedOn: "run-success", faults: [{ kind: "status", status: 500, attempts: "every" }] },
      ],
    },
  ],
};
