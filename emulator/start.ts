/**
 * StartWorkflowExecution (`POST .../workflows/{workflow_id}/executions`) and StartSyncWorkflowExecution
 * (`POST .../workflows/{workflow_id}/sync-executions`). A start makes a new run from the template named by
 * `input.scenario`; an asynchronous start answers `{execution_id}` and the run then progresses like any
 * scenario run, a synchronous one (express workflows only) answers with the run's final state.
 */
import { randomUUID } from "node:crypto";
import { resolveWorkflow, type RequestContext } from "./context";
import { pickFault, type RouteOutcome } from "./faults";
import { errorReply, jsonReply } from "./respond";
import type { StartedRun } from "./run-types";
import type { ScenarioExecution, ScenarioRunTemplate, ScenarioWorkflow } from "./scenario";
import { parseStartBody, type StartBody } from "./start-body";
import { syncOutcome } from "./sync-outcome";

/** The answer of both start APIs outside the Chinese mainland regions, where they are not offered. */
export const START_REFUSED = {
  status: 403,
  errorCode: "APIGW.0801",
  errorMsg: "The API is not available in this region: workflow start APIs are offered only in Chinese mainland regions",
} as const;

/** The template a start without `input.scenario` uses. */
export const DEFAULT_TEMPLATE = "success";

function bad(ctx: RequestContext, message: string): RouteOutcome {
  return { kind: "reply", reply: errorReply(400, "FSS.0400", message, ctx.requestId) };
}

/** The new run's definition: the template's behaviour, with the request's input and headers. */
function executionFrom(id: string, template: ScenarioRunTemplate, body: StartBody): ScenarioExecution {
  const { status, beginTime, endTime, lastUpdateTime, createdBy, output, nodes, progress, faults } = structuredClone(template);
  const behaviour = { status, endTime, lastUpdateTime, createdBy, output, nodes, progress, faults };
  return { ...behaviour, id, beginTime: beginTime ?? "now", input: body.input, headers: body.headers ?? {} };
}

/** A template and its name. */
interface ChosenTemplate {
  name: string;
  template: ScenarioRunTemplate;
}

/** The template named by `input.scenario`, or why there is none. */
function chooseTemplate(ctx: RequestContext, body: StartBody): ChosenTemplate | string {
  const name = "scenario" in body.input ? body.input.scenario : DEFAULT_TEMPLATE;
  const templates = ctx.state.scenario.runTemplates ?? {};
  const known = Object.keys(templates);
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(templates, name)) {
    return `input.scenario must name one of the emulator's run templates (${known.join(", ") || "none in this scenario"})`;
  }
  return { name, template: templates[name] as ScenarioRunTemplate };
}

/** Creates the run; returns its id and the normal answer's body. */
function createRun(ctx: RequestContext, workflow: ScenarioWorkflow, sync: boolean, chosen: ChosenTemplate, body: StartBody): { id: string; value: object } {
  const id = randomUUID();
  const execution = executionFrom(id, chosen.template, body);
  const persisted = !sync && workflow.express !== true;
  const run: StartedRun = { executionId: id, workflowId: workflow.id, template: chosen.name, sync, persisted, input: body.input, startedAt: ctx.nowMs };
  if (body.headers) run.headers = body.headers;
  ctx.state.addRun(run, persisted ? { workflow, execution, startedAt: ctx.nowMs } : undefined);
  return { id, value: sync ? syncOutcome(execution, ctx.nowMs) : { execution_id: id } };
}

/** Answers one start request; `sync` for `sync-executions`. */
export function startExecution(ctx: RequestContext, sync: boolean): RouteOutcome {
  if (!ctx.startsAvailable) {
    return { kind: "reply", reply: errorReply(START_REFUSED.status, START_REFUSED.errorCode, START_REFUSED.errorMsg, ctx.requestId) };
  }
  const resolved = resolveWorkflow(ctx);
  if ("reply" in resolved) return { kind: "reply", reply: resolved.reply };
  const workflow = resolved.workflow as ScenarioWorkflow;
  const parsed = parseStartBody(ctx);
  if ("reply" in parsed) return { kind: "reply", reply: parsed.reply };
  const chosen = chooseTemplate(ctx, parsed.body);
  if (typeof chosen === "string") return bad(ctx, chosen);
  if (sync && workflow.express !== true) return bad(ctx, `workflow ${workflow.id} is not an express workflow: sync-executions serves express workflows only`);

  const fault = pickFault(chosen.template.startFaults, ctx.state.nextStartAttempt(chosen.name));
  // A refusal (4xx) starts nothing; any other fault hits a start the service has already accepted.
  if (fault?.kind === "status" && fault.status >= 400 && fault.status < 500) {
    // A status fault sends its own answer and never the normal one.
    return { kind: "fault", fault, normal: () => ({ reply: jsonReply(200, {}) }) };
  }
  const { id, value } = createRun(ctx, workflow, sync, chosen, parsed.body);
  const reply = jsonReply(200, value);
  return fault ? { kind: "fault", fault, normal: () => ({ reply, value }), executionId: id } : { kind: "reply", reply, executionId: id };
}
