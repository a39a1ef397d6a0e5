/** Scenario loading and validation, the shipped default's consistency with SCENARIO_IDS, and time specs. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  DEFAULT_SCENARIO_PATH,
  SCENARIO_IDS,
  ScenarioError,
  defaultScenario,
  loadScenario,
  startEmulator,
  withExecutions,
  type Scenario,
} from "../../emulator";
import { parseQueryTime, resolveTime } from "../../emulator/time";
import { getExecution } from "./helpers";

const minimal = (executions: unknown[]): unknown => ({ projectId: "p", region: "r", workflows: [{ id: "w", name: "n", executions }] });

function problems(value: unknown): string[] {
  try {
    loadScenario(value as Scenario);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  return [];
}

describe("validation lists every problem with its path", () => {
  test.each([
    ["missing fields", {}, ["projectId: must be a string", "region: must be a string", "workflows: must be an array"]],
    ["unknown field (typo)", { projectId: "p", region: "r", workflow: [] }, ["scenario.workflow: unknown field"]],
    ["no body source", minimal([{ id: "e" }]), ["workflows[0].executions[0]: needs exactly one body source"]],
    ["two body sources", minimal([{ id: "e", status: "success", raw: {} }]), ["needs exactly one body source", "executions[0].status: not allowed with raw"]],
    ["bad status", minimal([{ id: "e", status: "paused" }]), ["executions[0].status: must be one of success, fail"]],
    ["bad time", minimal([{ id: "e", status: "running", beginTime: "5 minutes ago" }]), ['executions[0].beginTime: must be "now"']],
    ["zone-less ISO time", minimal([{ id: "e", status: "running", beginTime: "2024-05-06T07:08:09" }]), ["executions[0].beginTime"]],
    ["duplicate ids", minimal([{ id: "e", status: "success" }, { id: "e", status: "fail" }]), ['duplicate execution id "e"']],
    ["id too long", minimal([{ id: "x".repeat(65), status: "success" }]), ["executions[0].id: must have 1..64 characters"]],
    ["basedOn unknown", minimal([{ id: "e", basedOn: "nope" }]), ['basedOn: no execution with id "nope"']],
    ["stage with both triggers", minimal([{ id: "e", status: "running", progress: [{ afterPolls: 1, afterSeconds: 2 }] }]), ["progress[0]: needs exactly one of afterPolls, afterSeconds"]],
    ["node execution without status", minimal([{ id: "e", status: "running", nodes: [{ id: "n", name: "n", executions: [{}] }] }]), ["nodes[0].executions[0].status"]],
    ["unknown fault kind", minimal([{ id: "e", status: "success", faults: [{ attempts: 1, kind: "explode" }] }]), ["faults[0].kind: must be one of status, delay"]],
    ["fault without attempts", minimal([{ id: "e", status: "success", faults: [{ kind: "delay" }] }]), ["faults[0].attempts: must be a 1-based attempt number"]],
    ["field of another fault kind", minimal([{ id: "e", status: "success", faults: [{ attempts: 1, kind: "delay", minBytes: 3 }] }]), ['faults[0].minBytes: unknown field for kind "delay"']],
    ["status fault without status", minimal([{ id: "e", status: "success", faults: [{ attempts: "every", kind: "status" }] }]), ["faults[0].status: must be an integer in 200..599"]],
    ["express not a boolean", { projectId: "p", region: "r", workflows: [{ id: "w", name: "n", express: "yes", executions: [] }] }, ["workflows[0].express: must be a boolean"]],
    ["run templates not an object", { ...(minimal([]) as object), runTemplates: [] }, ["runTemplates: must be an object"]],
    [
      "a run template's problems",
      {
        ...(minimal([]) as object),
        runTemplates: {
          t: { status: "paused", beginTime: "soon", id: "x", progress: [{ afterPolls: -1 }], startFaults: [{ attempts: 1, kind: "explode" }], faults: "x" },
        },
      },
      [
        "runTemplates.t.status: must be one of",
        "runTemplates.t.beginTime: must be",
        "runTemplates.t.id: unknown field",
        "runTemplates.t.progress[0].afterPolls: must be an integer",
        "runTemplates.t.startFaults[0].kind: must be one of",
        "runTemplates.t.faults: must be an array",
      ],
    ],
  ])("%s", (_name, value, expected) => {
    const found = problems(value);
    for (const fragment of expected) expect(found.some((p) => p.includes(fragment))).toBe(true);
  });

  test("the error message names the source and every problem", () => {
    expect(() => loadScenario({} as Scenario)).toThrow(/invalid emulator scenario \(scenario object\):\n  - projectId/);
  });
});

describe("loading", () => {
  test("from a file path, with basedOn expanded and the caller's object untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-scenario-"));
    const file = path.join(dir, "s.json");
    writeFileSync(file, JSON.stringify(minimal([{ id: "a", status: "success", beginTime: "-1m", endTime: "now" }, { id: "b", basedOn: "a", status: "fail" }])));
    const loaded = loadScenario(file);
    expect(loaded.workflows[0]!.executions[1]).toEqual({ id: "b", status: "fail", beginTime: "-1m", endTime: "now" });
    const emu = await startEmulator({ scenario: file });
    try {
      const body = (await getExecution(emu, "w", "b")).json();
      expect(body).toMatchObject({ status: "fail", execution_id: "b" });
    } finally {
      await emu.close();
    }
  });

  test("invalid JSON files are reported as such", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-scenario-"));
    const file = path.join(dir, "bad.json");
    writeFileSync(file, "{ not json");
    expect(() => loadScenario(file)).toThrow(/not valid JSON/);
  });

  test("withExecutions copies; defaultScenario is a fresh copy each time", () => {
    const base = defaultScenario();
    const extended = withExecutions(base, SCENARIO_IDS.workflowV2, [{ id: "extra", status: "success", beginTime: "-1m" }]);
    expect(extended.workflows[1]!.executions.map((e) => e.id)).toContain("extra");
    expect(base.workflows[1]!.executions.map((e) => e.id)).not.toContain("extra");
    base.projectId = "changed";
    expect(defaultScenario().projectId).toBe(SCENARIO_IDS.projectId);
    expect(() => withExecutions(base, "nope", [])).toThrow(/no workflow/);
  });

  test("DEFAULT_SCENARIO_PATH points at the shipped file", () => {
    expect(DEFAULT_SCENARIO_PATH).toMatch(/emulator[\\/]scenarios[\\/]default\.json$/);
    expect(loadScenario(DEFAULT_SCENARIO_PATH).projectId).toBe(SCENARIO_IDS.projectId);
  });
});

describe("the shipped default scenario", () => {
  const scenario = loadScenario();
  const byId = new Map(scenario.workflows.flatMap((w) => w.executions.map((e) => [e.id, { workflow: w.id, e }] as const)));

  test("every SCENARIO_IDS execution exists in the right workflow and has a summary", () => {
    for (const [key, id] of Object.entries(SCENARIO_IDS.executions)) {
      const entry = byId.get(id);
      expect(entry).toBeDefined();
      expect(entry!.workflow).toBe(key === "publishedExample" ? SCENARIO_IDS.exampleWorkflow : SCENARIO_IDS.workflow);
      expect(entry!.e.summary).toBeTruthy();
    }
    for (const id of Object.values(SCENARIO_IDS.v2Executions)) expect(byId.get(id)?.workflow).toBe(SCENARIO_IDS.workflowV2);
    expect(scenario.workflows.map((w) => [w.id, w.name])).toEqual([
      [SCENARIO_IDS.workflow, SCENARIO_IDS.workflowName],
      [SCENARIO_IDS.workflowV2, SCENARIO_IDS.workflowV2Name],
      [SCENARIO_IDS.exampleWorkflow, SCENARIO_IDS.exampleWorkflowName],
      [SCENARIO_IDS.expressWorkflow, SCENARIO_IDS.expressWorkflowName],
    ]);
    expect(scenario.workflows.filter((w) => w.express).map((w) => w.id)).toEqual([SCENARIO_IDS.expressWorkflow]);
  });

  test("SCENARIO_IDS names every run template, each with a summary", () => {
    const templates = scenario.runTemplates ?? {};
    expect(Object.keys(templates).sort()).toEqual(Object.values(SCENARIO_IDS.runTemplates).sort());
    for (const t of Object.values(templates)) expect(t.summary).toBeTruthy();
  });

  test("every execution is named in SCENARIO_IDS", () => {
    const named = new Set<string>([...Object.values(SCENARIO_IDS.executions), ...Object.values(SCENARIO_IDS.v2Executions)]);
    for (const id of byId.keys()) expect(named.has(id)).toBe(true);
  });

  test("it covers every status", () => {
    const statuses = new Set([...byId.values()].map(({ e }) => e.status).filter(Boolean));
    expect([...statuses].sort()).toEqual(["cancel", "fail", "recovered", "retrying", "running", "scheduled", "stopping", "success", "timeout"]);
  });
});

describe("time specs", () => {
  const base = Date.UTC(2024, 4, 6, 7, 8, 9);
  test.each([
    ["now", base],
    ["-5m", base - 300_000],
    ["+30s", base + 30_000],
    ["-1h30m", base - 5_400_000],
    ["-4d", base - 4 * 86_400_000],
    ["-250ms", base - 250],
    ["2021-01-01T00:00:00Z", Date.UTC(2021, 0, 1)],
    ["2021-01-01T08:00:00+08:00", Date.UTC(2021, 0, 1)],
  ])("%s", (spec, expected) => expect(resolveTime(spec, base)).toBe(expected));

  test("epoch numbers pass through, garbage throws", () => {
    expect(resolveTime(1605119892050, base)).toBe(1605119892050);
    expect(() => resolveTime("yesterday", base)).toThrow(/invalid time/);
  });

  test("list query times: both documented formats, nothing else", () => {
    expect(parseQueryTime("2024-05-06T07:08:09Z")).toBe(base);
    expect(parseQueryTime("2024-05-06 07:08:09")).toBe(base);
    for (const bad of ["2024-05-06T07:08:09", "2024-05-06 07:08:09Z", "2024-13-01 00:00:00", "2024-05-06 24:00:00", "06/05/2024"]) {
      expect(parseQueryTime(bad)).toBeUndefined();
    }
  });
});
