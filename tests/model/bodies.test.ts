/**
 * Ties the raw-body interfaces (provider/model/bodies.ts) to the schemas: for every body kind, a minimal
 * fixture (exactly the required properties, typed so TypeScript rejects it if the interface requires
 * more) and a maximal one (typed with `Required<>`, so it must name every interface property) are valid;
 * the schema's required list equals the minimal fixture's keys and its properties equal the maximal's.
 */
import type * as B from "../../provider/model/bodies";
import { loadSchema } from "../../provider/model/schemaFiles";
import { SCHEMA_FILES, validateBody, type BodyKind } from "../../provider/model/validate";

const URN = "urn:fss:cn-north-4:p1:workflow:default:flow:latest";

const nodeExecMax: Required<B.NodeExecutionBody> = { status: "fail", input: {}, output: null, begin_time: 1, end_time: 2, error_message: { code: "x" }, request_id: "r" };
const nodeMax: Required<B.NodeExecutionDetailBody> = { node_id: "n", node_name: "N", execution_id: "e", executions: [nodeExecMax, { status: "success" }] };
const execMin: B.ExecutionBody = { workflow_id: "w", workflow_urn: URN, execution_id: "e", status: "running" };
const execMax: Required<B.ExecutionBody> = {
  ...execMin,
  headers: {},
  input: { a: 1 },
  output: null,
  begin_time: "2021-01-01T00:00:00Z",
  end_time: "",
  last_update_time: "2021-01-01T00:00:01.5+01:00",
  created_by: "admin",
  node_execution_details: [nodeMax],
};
const wfItemMax: Required<B.WorkflowListItemBody> = { id: "w", workflow_urn: URN, name: "flow", description: null, created_time: "2024-01-01 00:00:00", updated_time: "x", created_by: "me", enable_stream_response: false };
const exItemMax: Required<B.ExecutionListItemBody> = { workflow_id: "w", workflow_urn: URN, execution_id: "e", status: "scheduled", begin_time: "2021-01-01T00:00:00Z", end_time: "", last_update_time: "", created_by: "c" };

interface Case {
  kind: BodyKind;
  min: object;
  max: object;
  /** Nested definitions to compare too: [schema pointer path, minimal fixture, maximal fixture]. */
  nested?: Array<[string[], object, object]>;
}

const cases: Case[] = [
  {
    kind: "execution",
    min: execMin,
    max: execMax,
    nested: [
      [["properties", "node_execution_details", "items"], { node_id: "", node_name: "", execution_id: "", executions: null } satisfies B.NodeExecutionDetailBody, nodeMax],
      [["properties", "node_execution_details", "items", "properties", "executions", "items"], { status: "success" } satisfies B.NodeExecutionBody, nodeExecMax],
    ],
  },
  { kind: "error", min: { error_code: "FSS.0404", error_msg: "not found" } satisfies B.ErrorBody, max: { error_code: "E", error_msg: "m", request_id: "r", error: { code: "c", message: "m" } } satisfies Required<B.ErrorBody> },
  { kind: "workflowList", min: { workflows: null } satisfies B.WorkflowListBody, max: { total: 1, size: 1, workflows: [wfItemMax] } satisfies Required<B.WorkflowListBody>, nested: [[["definitions", "workflow"], { id: "w", workflow_urn: URN, name: "n" } satisfies B.WorkflowListItemBody, wfItemMax]] },
  { kind: "executionList", min: { executions: [] } satisfies B.ExecutionListBody, max: { total: 3, size: 1, executions: [exItemMax] } satisfies Required<B.ExecutionListBody>, nested: [[["definitions", "executionBrief"], { workflow_id: "w", workflow_urn: URN, execution_id: "e", status: "fail" } satisfies B.ExecutionListItemBody, exItemMax]] },
  { kind: "iamProjects", min: { projects: [] } satisfies B.IamProjectsBody, max: { projects: [{ id: "p", name: "cn-north-4" }] } satisfies Required<B.IamProjectsBody>, nested: [[["properties", "projects", "items"], { id: "p", name: "n" } satisfies B.IamProjectBody, { id: "p", name: "n" }]] },
];

function at(doc: unknown, path: string[]): Record<string, any> {
  return path.reduce((node: any, key) => node[key], doc) as Record<string, any>;
}

describe.each(cases)("$kind body", ({ kind, min, max, nested }) => {
  const schema = loadSchema(SCHEMA_FILES[kind]);

  it("accepts the minimal and maximal typed fixtures", () => {
    expect(validateBody(kind, min)).toEqual([]);
    expect(validateBody(kind, max)).toEqual([]);
  });

  it("has a schema whose properties match the interface", () => {
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(max).sort());
    if (kind !== "error") expect([...(schema.required as string[])].sort()).toEqual(Object.keys(min).sort());
  });

  it("matches nested definitions too", () => {
    for (const [path, nMin, nMax] of nested ?? []) {
      const def = at(schema, path);
      expect(Object.keys(def.properties).sort()).toEqual(Object.keys(nMax).sort());
      expect([...def.required].sort()).toEqual(Object.keys(nMin).sort());
    }
  });

  it("rejects the fixture without each required property", () => {
    for (const key of Object.keys(min)) {
      const copy: Record<string, unknown> = { ...min };
      delete copy[key];
      expect(validateBody(kind, copy).length).toBeGreaterThan(0);
    }
  });
});
