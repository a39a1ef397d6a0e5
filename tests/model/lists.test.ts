/**
 * Error, list and IAM bodies: what validates, the pointers of what does not, and the list mappings.
 */
import { toExecutionSummaries, toExecutionSummary, toWorkflowSummaries } from "../../provider/model/listMap";
import { validateBody } from "../../provider/model/validate";

const URN = "urn:fss:cn-north-4:p1:workflow:default:flow:latest";
const brief = { workflow_id: "w1", workflow_urn: URN, execution_id: "e1", status: "success", begin_time: "2021-01-01T00:00:00Z", end_time: "", last_update_time: "2021-01-01T00:00:05+00:00", created_by: "ci" };

describe("error bodies", () => {
  it.each([
    [{ error_code: "FSS.0404", error_msg: "not found" }],
    [{ error_code: "FSS.0500", error_msg: "x", request_id: "abc", extra: 1 }],
    [{ error: { code: "APIGW.0301", message: "Incorrect IAM authentication information" } }],
    [{ error_code: "APIGW.0301", error_msg: "m".repeat(5000) }],
  ])("accepts %j", (body) => {
    expect(validateBody("error", body)).toEqual([]);
  });

  it("rejects bodies with neither shape, explaining both", () => {
    for (const body of [{}, { error_code: "FSS.0404" }, { message: "hi" }]) {
      expect(validateBody("error", body)).toEqual([{ pointer: "", expected: "an error body {error_code, error_msg} or {error: {code, message}}" }]);
    }
  });

  it("points at wrongly typed fields", () => {
    expect(validateBody("error", { error_code: 404, error_msg: "x" })).toEqual([{ pointer: "/error_code", expected: "a string" }]);
    expect(validateBody("error", { error: { code: "c" } })).toEqual([{ pointer: "/error/message", expected: "a string (required)" }]);
  });
});

describe("execution lists", () => {
  it("validates and maps items, converting times like the execution mapping", () => {
    const body = { executions: [brief, { workflow_id: "w1", workflow_urn: URN, execution_id: "e2", status: "running" }] };
    expect(validateBody("executionList", body)).toEqual([]);
    expect(toExecutionSummaries(body as never)).toStrictEqual([
      { workflowId: "w1", workflowUrn: URN, executionId: "e1", status: "success", beginTime: "2021-01-01T00:00:00.000Z", lastUpdateTime: "2021-01-01T00:00:05.000Z", createdBy: "ci" },
      { workflowId: "w1", workflowUrn: URN, executionId: "e2", status: "running" },
    ]);
  });

  it("accepts total/size (executions-history) and null executions", () => {
    expect(validateBody("executionList", { total: 0, size: 0, executions: null })).toEqual([]);
    expect(toExecutionSummaries({ executions: null })).toEqual([]);
  });

  it("is strict on item status, URN and times", () => {
    expect(validateBody("executionList", { executions: [brief, { ...brief, status: "queued" }] })[0].pointer).toBe("/executions/1/status");
    expect(validateBody("executionList", { executions: [{ ...brief, workflow_urn: "x" }] })[0].pointer).toBe("/executions/0/workflow_urn");
    expect(validateBody("executionList", { executions: [{ ...brief, begin_time: "2021-01-01 00:00:00" }] })[0].pointer).toBe("/executions/0/begin_time");
    expect(validateBody("executionList", { executions: [{ ...brief, execution_id: undefined }] })).toEqual([{ pointer: "/executions/0/execution_id", expected: "a string (required)" }]);
  });

  it("maps one item on its own", () => {
    expect(toExecutionSummary({ ...brief, status: "fail", begin_time: "" } as never)).not.toHaveProperty("beginTime");
  });
});

describe("workflow lists", () => {
  const wf = { id: "w1", workflow_urn: URN, name: "flow", description: "", created_time: "2024-05-01T10:00:00Z", updated_time: null, created_by: "me", enable_stream_response: false, mode: "NORMAL" };

  it("validates and maps, passing descriptive fields through and omitting empty ones", () => {
    const body = { total: 1, size: 1, workflows: [wf] };
    expect(validateBody("workflowList", body)).toEqual([]);
    expect(toWorkflowSummaries(body as never)).toStrictEqual([
      { id: "w1", name: "flow", workflowUrn: URN, createdTime: "2024-05-01T10:00:00Z", createdBy: "me", enableStreamResponse: false },
    ]);
    expect(toWorkflowSummaries({ workflows: null })).toEqual([]);
  });

  it("requires id, name and a valid URN", () => {
    expect(validateBody("workflowList", { workflows: [{ ...wf, id: "" }] })[0].pointer).toBe("/workflows/0/id");
    expect(validateBody("workflowList", { workflows: [{ id: "w", workflow_urn: URN }] })).toEqual([{ pointer: "/workflows/0/name", expected: "a string (required)" }]);
    expect(validateBody("workflowList", { workflows: [{ ...wf, workflow_urn: "urn:fss:x" }] })[0].pointer).toBe("/workflows/0/workflow_urn");
    expect(validateBody("workflowList", { total: -1, workflows: [] })).toEqual([{ pointer: "/total", expected: "an integer >= 0" }]);
  });
});

describe("IAM projects", () => {
  it("validates project lists and requires a non-empty id", () => {
    expect(validateBody("iamProjects", { projects: [{ id: "0123", name: "cn-north-4", domain_id: "d", enabled: true }], links: {} })).toEqual([]);
    expect(validateBody("iamProjects", { projects: [{ id: "", name: "x" }] })).toEqual([{ pointer: "/projects/0/id", expected: "a string of at least 1 character" }]);
    expect(validateBody("iamProjects", { projects: null })).toEqual([{ pointer: "/projects", expected: "an array" }]);
  });
});
