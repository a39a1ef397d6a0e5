/**
 * The new schemas (schema/start-execution-request, start-execution-response, sync-execution-response)
 * compile under the project's strict ajv options, accept what the emulator sends and receives, and refuse
 * what they are meant to refuse.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { startRun } from "./helpers";

const schema = (file: string): object => JSON.parse(readFileSync(path.join(__dirname, "..", "..", "schema", file), "utf8"));
// The same options as scripts/gen-validators.js; the time format's real check lives in provider/model/time.ts.
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, verbose: true });
ajv.addFormat("fgs-utc-time", { type: "string", validate: (s: string) => s === "" || !Number.isNaN(Date.parse(s)) });
ajv.addSchema(schema("common.schema.json"));
const compile = (file: string): ValidateFunction => ajv.compile(schema(file));
const request = compile("start-execution-request.schema.json");
const response = compile("start-execution-response.schema.json");
const syncResponse = compile("sync-execution-response.schema.json");

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

test("the start request: input required, headers optional, both objects, nothing else", () => {
  expect(request({ input: {} })).toBe(true);
  expect(request({ input: { a: 1 }, headers: { "X-Trigger": "ci" } })).toBe(true);
  for (const bad of [{}, { input: [] }, { input: null }, { input: {}, headers: "x" }, { input: {}, extra: 1 }, []]) expect(request(bad)).toBe(false);
});

test("the emulator's start answer", async () => {
  const body = (await startRun(emu, SCENARIO_IDS.workflow, { input: {} })).json();
  expect(response(body)).toBe(true);
  expect(response({})).toBe(false);
  expect(response({ execution_id: "" })).toBe(false);
  expect(response({ execution_id: "x".repeat(65) })).toBe(false);
});

test("the emulator's sync answers, success and fail", async () => {
  for (const scenario of [SCENARIO_IDS.runTemplates.success, SCENARIO_IDS.runTemplates.failAtIntegration]) {
    const body = (await startRun(emu, SCENARIO_IDS.expressWorkflow, { input: { scenario } }, { sync: true })).json();
    expect(syncResponse(body)).toBe(true);
  }
});

test("the sync answer: only the three sync statuses, node errors need a node_id, times must parse", () => {
  const ok = { execution_id: "e", status: "success", output: {}, errors: [], begin_time: "2024-05-06T07:08:09Z", end_time: "" };
  expect(syncResponse(ok)).toBe(true);
  expect(syncResponse({ execution_id: "e", status: "fail", errors: null, output: null })).toBe(true);
  expect(syncResponse({ ...ok, status: "running" })).toBe(false);
  expect(syncResponse({ ...ok, status: undefined })).toBe(false);
  expect(syncResponse({ ...ok, errors: [{ error_message: "x" }] })).toBe(false);
  expect(syncResponse({ ...ok, errors: [{ node_id: "n", error_message: { code: 1 } }] })).toBe(true);
  expect(syncResponse({ ...ok, begin_time: "yesterday" })).toBe(false);
});
