/** The detailed read's confirmation of the list's choice, as a pure function (loopback cases: detail.test.ts). */
import { isResponseValidationError } from "../../provider/errors";
import { type Choice, confirmChoice } from "../../provider/latest/confirm";
import type { ExecutionSummary } from "../../provider/model/summary";
import { execution } from "../gate/helpers";

const site = { method: "GET", path: "/v2/p/fgs/workflows/wf-1/executions/7f3c0000-exec" };
const summary = (id: string, beginTime?: string): ExecutionSummary => ({ workflowId: "wf-1", workflowUrn: "u", executionId: id, status: "success", ...(beginTime ? { beginTime } : {}) });
const choice = (o: Partial<Choice> = {}): Choice => ({
  workflowId: "wf-1",
  chosen: summary("7f3c0000-exec", "2024-05-06T10:00:05.500Z"),
  sinceMs: Date.parse("2024-05-06T10:00:05.200Z"),
  untilMs: Date.parse("2024-05-06T11:00:00.000Z"),
  ...o,
});
const detail = (beginTime?: string) => ({ ...execution("success"), beginTime });
const problem = (f: () => void) => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(isResponseValidationError(e)).toBe(true);
    return (e as Error).message;
  }
};

test("the same instant written to the second confirms the choice (the API documents whole seconds)", () => {
  const runnerUp = summary("older", "2024-05-06T10:00:05.300Z");
  expect(problem(() => confirmChoice(detail("2024-05-06T10:00:05.000Z"), choice({ runnerUp }), site))).toBeUndefined();
});

test("a second before the window, or after it, does not", () => {
  expect(problem(() => confirmChoice(detail("2024-05-06T10:00:04.000Z"), choice(), site))).toMatch(/is not a time in the window/);
  expect(problem(() => confirmChoice(detail("2024-05-06T11:00:01.000Z"), choice(), site))).toMatch(/is not a time in the window/);
});

test("a second before the runner-up does not", () => {
  const runnerUp = summary("older", "2024-05-06T10:00:06.000Z");
  expect(problem(() => confirmChoice(detail("2024-05-06T10:00:05.900Z"), choice({ runnerUp }), site))).toMatch(/no earlier than 2024-05-06T10:00:06.000Z/);
});

test("another execution or workflow ID does not, and every contradiction is named", () => {
  const e = { ...detail(undefined), workflowId: "wf-2", executionId: "other" };
  const message = problem(() => confirmChoice(e, choice(), site)) as string;
  expect(message).toContain("/workflow_id is not the workflow ID wf-1");
  expect(message).toContain("/execution_id is not the execution ID 7f3c0000-exec");
  expect(message).toContain("/begin_time is not a begin time");
});

test("a final status the list was filtered on must be the detail's; a run listed as running may have finished", () => {
  const e = detail("2024-05-06T10:00:05.000Z");
  expect(problem(() => confirmChoice({ ...e, status: "fail" }, choice({ status: "success" }), site))).toMatch(/\/status is not success, the status the list was filtered on/);
  expect(problem(() => confirmChoice({ ...e, status: "running" }, choice({ status: "cancel" }), site))).toMatch(/\/status is not cancel/);
  expect(problem(() => confirmChoice({ ...e, status: "success" }, choice({ status: "success" }), site))).toBeUndefined();
  expect(problem(() => confirmChoice({ ...e, status: "success" }, choice({ status: "running" }), site))).toBeUndefined();
});
