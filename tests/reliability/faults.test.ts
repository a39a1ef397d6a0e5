/**
 * The fault matrix (support/faultRows.ts): for every row, the outcome (result, or error class + code +
 * kind/httpStatus/attempts), the number of requests the serving side saw, generous timing bounds where
 * timing is the point, and no credential in any text form of the error or in any debug line.
 */
import { ErrorCodes } from "../../provider/errors";
import { errorLeaks, leaksIn, wireLeaks } from "./support/canary";
import { FAULT_ROWS, type FaultRow } from "./support/faultRows";
import { runRow, startFaultWorld, type FaultWorld } from "./support/faultWorld";

let world: FaultWorld;
let executed = 0;

beforeAll(async () => {
  world = await startFaultWorld(FAULT_ROWS);
});
afterAll(() => world?.close());

const CODES = {
  FunctionGraphApiError: ErrorCodes.api,
  TransportError: ErrorCodes.transport,
  ResponseValidationError: ErrorCodes.responseValidation,
} as const;

test.each(FAULT_ROWS.map((r) => [r.id, r] as const))("%s", async (_id, row: FaultRow) => {
  const run = await runRow(world, row);
  executed++;
  const { expect: want } = row;

  if ("result" in want) {
    if (run.error) throw run.error;
    expect(run.result?.status).toBe(want.result);
    expect(run.result?.succeeded).toBe(want.result === "success");
    expect(run.result?.executionId).toBe(row.id);
  } else {
    expect(run.result).toBeUndefined();
    const e = run.error as Record<string, unknown>;
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(want.error);
    expect(e.code).toBe(CODES[want.error]);
    if (want.error === "FunctionGraphApiError") {
      expect(e).toMatchObject({ httpStatus: want.httpStatus, attempts: want.attempts });
      if (want.errorCode) expect(e.errorCode).toBe(want.errorCode);
    }
    if (want.error === "TransportError") expect(e).toMatchObject({ kind: want.kind, attempts: want.attempts });
    if (want.message) expect(e.message).toMatch(want.message);
    // Every message says where: method and path.
    expect(e.message).toContain(`GET /v2/p-rel/fgs/workflows/w-rel/executions/${row.id}`);
  }

  expect(run.requests).toBe(row.requests);
  if (row.minMs !== undefined) expect(run.elapsedMs).toBeGreaterThanOrEqual(row.minMs);
  if (row.maxMs !== undefined) expect(run.elapsedMs).toBeLessThan(row.maxMs);

  expect(errorLeaks(run.error)).toEqual([]);
  expect(run.debug.flatMap((l) => leaksIn(l))).toEqual([]);
  // Nothing ever reached the redirect targets, so no Authorization header went anywhere else.
  expect(world.otherHost.hits).toEqual([]);
  expect(world.otherPort.hits).toEqual([]);
  expect(wireLeaks(world.emulator.requests)).toEqual([]);
});

test("the deadline row reports the Retry-After it could not honour", async () => {
  const row = FAULT_ROWS.find((r) => r.id === "deadline-in-backoff") as FaultRow;
  const run = await runRow(world, row);
  expect(run.error).toMatchObject({ httpStatus: 503, retryAfterSeconds: 20 });
});

test("every row of the matrix ran", () => {
  expect(executed).toBe(FAULT_ROWS.length);
});
