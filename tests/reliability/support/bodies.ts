/**
 * Valid ShowWorkflowExecution bodies to mutate, written for this suite (snake_case, as the API sends
 * them). They cover a successful run with a retried node, a failed run with an error message, a run
 * still going (empty end_time, a node without end), and null where the API sometimes sends null.
 */
export const FUZZ_IDS = { projectId: "p-fuzz", workflowId: "wf-fuzz-1", executionId: "ex-fuzz-1" } as const;

const URN = "urn:fss:cn-north-4:p-fuzz:workflow:default:release-checks:latest";

export const VALID_BODIES: ReadonlyArray<Record<string, unknown>> = [
  {
    workflow_id: FUZZ_IDS.workflowId,
    workflow_urn: URN,
    execution_id: FUZZ_IDS.executionId,
    status: "success",
    headers: { "X-Trigger": "ci" },
    input: { ref: "main" },
    output: { result: "passed" },
    begin_time: "2024-05-06T07:00:00Z",
    end_time: "2024-05-06T07:08:09.123Z",
    last_update_time: "2024-05-06T07:08:09.123+00:00",
    created_by: "ci-bot",
    node_execution_details: [
      {
        node_id: "n-build",
        node_name: "build",
        execution_id: "ex-fuzz-1:n-build",
        executions: [{ status: "success", begin_time: 1714978800000, end_time: 1714978860000, input: {}, output: { ok: true }, error_message: {}, request_id: "rq-1" }],
      },
      {
        node_id: "n-test",
        node_name: "integration-tests",
        execution_id: "ex-fuzz-1:n-test",
        executions: [
          { status: "fail", begin_time: 1714978860000, end_time: 1714978900000, error_message: { error_code: "FSS.1051", error_msg: "flaky" }, request_id: "rq-2" },
          { status: "success", begin_time: 1714978900000, end_time: 1714979289123, output: { passed: 120 }, request_id: "rq-3" },
        ],
      },
    ],
  },
  {
    workflow_id: FUZZ_IDS.workflowId,
    workflow_urn: URN,
    execution_id: FUZZ_IDS.executionId,
    status: "fail",
    input: null,
    output: null,
    begin_time: "2024-05-06T07:00:00Z",
    end_time: "2024-05-06T07:05:00Z",
    last_update_time: "2024-05-06T07:05:00Z",
    created_by: "",
    node_execution_details: [
      {
        node_id: "n-deploy",
        node_name: "deploy",
        execution_id: "ex-fuzz-1:n-deploy",
        executions: [{ status: "fail", begin_time: 1714978800000, end_time: 1714979100000, error_message: { 'detail:"Execution failed"': null }, request_id: "rq-9" }],
      },
    ],
  },
  {
    workflow_id: FUZZ_IDS.workflowId,
    workflow_urn: URN,
    execution_id: FUZZ_IDS.executionId,
    status: "running",
    begin_time: "2024-05-06T07:00:00Z",
    end_time: "",
    last_update_time: "",
    node_execution_details: [
      { node_id: "n-build", node_name: "build", execution_id: "x", executions: [{ status: "success", begin_time: 1714978800000, end_time: 1714978860000 }] },
      { node_id: "n-test", node_name: "tests", execution_id: "y", executions: [{ status: "running", begin_time: 1714978860000, end_time: 0 }] },
      { node_id: "n-wait", node_name: "approval", execution_id: "z", executions: null },
    ],
  },
  {
    workflow_id: FUZZ_IDS.workflowId,
    workflow_urn: URN,
    execution_id: FUZZ_IDS.executionId,
    status: "scheduled",
    node_execution_details: null,
  },
];
