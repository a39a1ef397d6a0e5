/**
 * The generated validators (provider/model/generated/validators.ts, ajv's standalone code) are current and
 * give the same verdict as ajv compiling schema/ at run time with the same options: valid or not, and the
 * same violations (pointer and expected text), over every body the fixtures and the emulator's scenarios
 * describe and over a fuzz corpus of mutations of them.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { ErrorObject } from "ajv";
import { buildExecutionBody, scenarioWorkflowUrn } from "../../emulator/bodies";
import { loadScenario } from "../../emulator/load";
import { makeLargeExecution } from "../../emulator/large";
import { currentView } from "../../emulator/progress";
import type { Scenario } from "../../emulator/scenario";
import { SCHEMA_FORMATS } from "../../provider/model/time";
import { SCHEMA_FILES, schemaLookup, validateBody, type BodyKind } from "../../provider/model/validate";
import { toViolations } from "../../provider/model/violations";
import { EXAMPLE_TEXT } from "./helpers";

interface Generator {
  OUT_FILE: string;
  BODY_SCHEMAS: Record<BodyKind, string>;
  generate(): string;
  createAjv(validateTime: (s: string) => boolean): {
    getSchema(id: string): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require("../../scripts/gen-validators.js") as Generator;

const ROOT = path.resolve(__dirname, "..", "..");
const KINDS = Object.keys(SCHEMA_FILES) as BodyKind[];

/** ajv compiling the schemas now, as the library did before the code was generated. */
const runtime = generator.createAjv(SCHEMA_FORMATS["fgs-utc-time"].validate);
const idOf = (kind: BodyKind) => (JSON.parse(fs.readFileSync(path.join(ROOT, "schema", SCHEMA_FILES[kind]), "utf8")) as { $id: string }).$id;
const runtimeValidators = Object.fromEntries(KINDS.map((k) => [k, runtime.getSchema(idOf(k))])) as Record<BodyKind, NonNullable<ReturnType<typeof runtime.getSchema>>>;

/** The run-time validator's violations, mapped exactly as validateBody maps the generated one's. */
function runtimeViolations(kind: BodyKind, body: unknown) {
  const v = runtimeValidators[kind];
  if (v(body)) return "valid";
  // Described from the same schema files validateBody reads when it rejects a body.
  return toViolations(v.errors ?? [], schemaLookup(kind));
}

/** validateBody without the depth rule, which is not part of the schemas. */
function generatedVerdict(kind: BodyKind, body: unknown) {
  const violations = validateBody(kind, body).filter((v) => !v.expected.startsWith("a value nested at most"));
  return violations.length === 0 ? "valid" : violations;
}

function expectSameVerdict(kind: BodyKind, body: unknown): void {
  expect(generatedVerdict(kind, body)).toEqual(runtimeViolations(kind, body));
}

/** Every execution body a scenario serves: structured runs at each stage, raw bodies, generated ones. */
function scenarioBodies(scenario: Scenario): unknown[] {
  const base = Date.UTC(2024, 4, 6, 7, 8, 9);
  const out: unknown[] = [];
  for (const workflow of scenario.workflows) {
    for (const e of workflow.executions) {
      if ("raw" in e) out.push(e.raw);
      else if (e.rawText !== undefined) {
        try {
          out.push(JSON.parse(e.rawText));
        } catch {
          out.push(e.rawText); // not JSON: still a value a validator must refuse alike
        }
      } else if (e.large) {
        out.push(makeLargeExecution({ nodes: 3, executionsPerNode: 4, executionId: e.id, workflowId: workflow.id, workflowUrn: scenarioWorkflowUrn(scenario, workflow) }));
      } else {
        for (const polls of [0, 1, 2, 3]) {
          out.push(buildExecutionBody(scenario, workflow, e.id, currentView(e, { polls, elapsedMs: polls * 60_000 }), base));
        }
      }
    }
  }
  return out;
}

const SCENARIOS = [loadScenario(), loadScenario(path.join(ROOT, "tests", "latest", "fixtures", "latest.json"))];
const EXECUTIONS: unknown[] = [JSON.parse(EXAMPLE_TEXT), ...SCENARIOS.flatMap(scenarioBodies)];
const BRIEF = ["workflow_id", "workflow_urn", "execution_id", "status", "begin_time", "end_time", "last_update_time", "created_by"];
const brief = (e: unknown) => Object.fromEntries(BRIEF.filter((k) => k in (e as object)).map((k) => [k, (e as Record<string, unknown>)[k]]));
const objects = EXECUTIONS.filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null && !Array.isArray(e));

/** Bodies of every kind that the fixtures describe (valid and invalid alike). */
const SEEDS: Record<BodyKind, unknown[]> = {
  execution: EXECUTIONS,
  executionList: [{ total: objects.length, size: 50, executions: objects.map(brief) }, { executions: null }, { executions: [] }],
  workflowList: SCENARIOS.map((s) => ({
    total: s.workflows.length,
    workflows: s.workflows.map((w) => ({ id: w.id, name: w.name, workflow_urn: scenarioWorkflowUrn(s, w), created_by: null })),
  })),
  iamProjects: SCENARIOS.map((s) => ({ projects: [{ id: s.projectId, name: s.region }] })),
  error: [{ error_code: "FSS.0404", error_msg: "not found", request_id: "r" }, { error: { code: "APIGW.0301", message: "bad signature" } }, {}],
  startRequest: [{ input: {} }, { input: { scenario: "success" }, headers: { a: "b" } }, { input: [] }, { headers: {} }, { input: {}, extra: 1 }],
  startResponse: [{ execution_id: "e1" }, { execution_id: "" }, {}, { execution_id: "x".repeat(65) }],
  syncResponse: [
    { execution_id: "e1", status: "success", output: { ok: true }, errors: null, begin_time: "2024-05-06T07:08:09Z", end_time: "2024-05-06T07:08:10Z" },
    { execution_id: "e2", status: "fail", errors: [{ node_id: "n", error_message: "{}", begin_time: "2024-05-06T07:08:09Z" }] },
    { execution_id: "e3", status: "running" },
    { execution_id: "e4", status: "timeout", begin_time: "not a time" },
  ],
};

describe("generated validators", () => {
  it("are current: regenerating from schema/ gives the committed file", () => {
    expect(fs.readFileSync(generator.OUT_FILE, "utf8")).toBe(generator.generate());
  });

  it.each(KINDS)("give run-time ajv's verdict on every fixture body (%s)", (kind) => {
    expect(SEEDS[kind].length).toBeGreaterThan(0);
    for (const body of SEEDS[kind]) expectSameVerdict(kind, body);
    // And on every body of the other kinds, which are mostly invalid for this one.
    for (const other of KINDS) for (const body of SEEDS[other].slice(0, 5)) expectSameVerdict(kind, body);
  });

  it("agree with the fixtures being mostly valid and sometimes not", () => {
    const verdicts = EXECUTIONS.map((b) => generatedVerdict("execution", b) === "valid");
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(20);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(0); // the scenario's raw invalid bodies
  });
});

/** Values that sit on the schemas' edges: times, URNs, statuses, bounds, wrong types. */
const edgeValue = fc.oneof(
  fc.constantFrom("", "2021-02-29T00:00:00Z", "2024-02-29T23:59:59.123456789+08:00", "2021-01-01T24:00:00Z", "2021-01-01t00:00:00z"),
  fc.constantFrom("urn:fss:r:p:workflow:default:n:latest", "urn:fss::p:workflow:d:n:v", "success", "paused", "SUCCESS", "fail"),
  fc.constantFrom(0, -1, 8_640_000_000_000_000, 8_640_000_000_000_001, 1.5, null, true, [], {}),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** The paths of every value inside `v` (objects and arrays), root first. */
function paths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (v && typeof v === "object") {
    for (const [k, child] of Object.entries(v)) out.push(...paths(child, [...prefix, Array.isArray(v) ? Number(k) : k]));
  }
  return out;
}

/** A copy of `body` with the value at one path replaced, deleted, or given an extra key (unchanged if the path is gone). */
function mutate(body: unknown, at: Array<string | number>, how: "set" | "delete" | "extra", value: unknown): unknown {
  if (at.length === 0) return how === "set" ? value : body;
  const copy = structuredClone(body);
  let parent: unknown = copy;
  for (const key of at.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null)?.[key];
  // An earlier edit may have removed or replaced this path.
  if (!parent || typeof parent !== "object") return copy;
  const p = parent as Record<string | number, unknown>;
  const last = at[at.length - 1] as string | number;
  if (how === "set") p[last] = value;
  else if (how === "delete") delete p[last];
  else if (p[last] && typeof p[last] === "object" && !Array.isArray(p[last])) (p[last] as Record<string, unknown>).extra_field = value;
  return copy;
}

test("generated and run-time validators agree on a fuzz corpus of mutated bodies", () => {
  const small = (kind: BodyKind) => SEEDS[kind].filter((b) => JSON.stringify(b ?? null).length < 20_000);
  const mutation = fc
    .constantFrom(...KINDS)
    .chain((kind) => fc.tuple(fc.constant(kind), fc.constantFrom(...small(kind))))
    .chain(([kind, seed]) => {
      const all = paths(seed);
      return fc.record({
        kind: fc.constant(kind),
        seed: fc.constant(seed),
        edits: fc.array(fc.tuple(fc.constantFrom(...all), fc.constantFrom("set" as const, "delete" as const, "extra" as const), edgeValue), { minLength: 1, maxLength: 3 }),
      });
    });
  fc.assert(
    fc.property(mutation, ({ kind, seed, edits }) => {
      let body = seed;
      for (const [at, how, value] of edits) body = mutate(body, at, how, value);
      expectSameVerdict(kind, body);
    }),
    { numRuns: 3000 },
  );
});
