/**
 * Path IDs of every shape (empty, too long, unicode, dot segments, slashes, percent signs, CR/LF, NUL,
 * lone surrogates): each is refused before any request with a ConfigurationError naming the setting, or
 * sent so that the emulator decodes exactly that ID from the path, verifies the signature, and answers
 * for that ID. Nothing in between: no other error type, no second request, no raw character on the wire.
 */
import fc from "fast-check";
import { isConfigurationError, isFunctionGraphApiError } from "../../provider/errors";
import { checkExecutionId, checkWorkflowId } from "../../provider/config/ids";
import type { RunningEmulator } from "../../emulator";
import { idMustBeAccepted, idMustBeRefused, mixed } from "./support/arbitraries";
import { CANARY, errorLeaks } from "./support/canary";
import { RUNS } from "./support/counts";
import { INPUT_EXECUTION, INPUT_PROJECT, INPUT_WORKFLOW, inputScenario, readOnce, startInputEmulator, type Outcome } from "./support/readOnce";
import { headerProblems, pathIsClean } from "./support/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startInputEmulator();
});
afterAll(() => emu?.close());

const cleanId = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{1,${Math.min(max, 80)}}$`));

/** How often each branch was taken, so a generator that stopped producing one of them is noticed. */
const seen = { refused: 0, sent: 0, astralBeyondUtf16Length: 0 };

/** The checks shared by both ID properties; `segment` is the path index of the ID. */
function checkOutcome(o: Outcome, id: string, setting: "executionId" | "workflowId", max: number, segment: number, existing: string) {
  if (isConfigurationError(o.error)) {
    expect(idMustBeAccepted(id, max)).toBe(false);
    expect(o.error.setting).toBe(setting);
    expect(o.sent).toHaveLength(0);
    seen.refused++;
    return;
  }
  seen.sent++;
  expect(idMustBeRefused(id, max)).toBe(false);
  expect(o.sent).toHaveLength(1);
  const [req] = o.sent;
  expect(pathIsClean(req.path)).toBe(true);
  const segments = req.path.split("/");
  expect(segments).toHaveLength(8);
  expect(decodeURIComponent(segments[segment])).toBe(id);
  expect(setting === "executionId" ? req.executionId : req.workflowId).toBe(id);
  expect(headerProblems(req, { accessKey: CANARY.accessKey, projectId: INPUT_PROJECT, securityToken: CANARY.securityToken })).toEqual([]);
  if (id === existing) {
    expect(o.error).toBeUndefined();
    expect(o.result?.status).toBe("success");
    return;
  }
  // The signature was verified (not 401) and the emulator looked the ID up: 404. Both sides count the
  // documented lengths in characters (code points), so an ID the library sends is never "too long" there.
  expect(isFunctionGraphApiError(o.error)).toBe(true);
  expect((o.error as { httpStatus: number }).httpStatus).toBe(404);
  if (id.length > max) seen.astralBeyondUtf16Length++;
  expect(errorLeaks(o.error)).toEqual([]);
}

test(`execution IDs of every shape (${RUNS.executionId} runs)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(mixed(cleanId(64)), async (id) => {
      runs++;
      checkOutcome(await readOnce(emu, { executionId: id }), id, "executionId", 64, 7, INPUT_EXECUTION);
    }),
    { numRuns: RUNS.executionId },
  );
  expect(runs).toBe(RUNS.executionId);
});

test(`workflow IDs of every shape (${RUNS.workflowId} runs)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(mixed(cleanId(512)), async (id) => {
      runs++;
      checkOutcome(await readOnce(emu, { workflowId: id }), id, "workflowId", 512, 5, INPUT_WORKFLOW);
    }),
    { numRuns: RUNS.workflowId },
  );
  expect(runs).toBe(RUNS.workflowId);
});

/** IDs the library accepts and the emulator can hold (at most 64 UTF-16 units). */
const acceptedId = mixed(cleanId(64)).filter((id) => {
  if (id.length > 64) return false;
  try {
    checkExecutionId(id);
    checkWorkflowId(id);
    return true;
  } catch {
    return false;
  }
});

test(`accepted unusual IDs work end to end: a run with that workflow and execution ID is read back (${RUNS.existingId} runs)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(acceptedId, acceptedId, async (workflowId, executionId) => {
      runs++;
      const own = await startInputEmulator(inputScenario(workflowId, executionId));
      try {
        const o = await readOnce(own, { workflowId, executionId });
        if (o.error) throw o.error;
        expect(o.result).toMatchObject({ workflowId, executionId, status: "success", succeeded: true });
        expect(o.sent).toHaveLength(1);
        expect(o.sent[0]).toMatchObject({ workflowId, executionId, status: 200 });
      } finally {
        await own.close();
      }
    }),
    { numRuns: RUNS.existingId },
  );
  expect(runs).toBe(RUNS.existingId);
});

test("fixed hostile IDs are refused before any request", async () => {
  const hostile = ["", ".", "..", "a/b", "../e-in", "e-in?x=1", "e-in#f", "a\r\nX-Injected: 1", "nul\u0000", "\ud800", "x".repeat(65), "%2e%2e", "100%"];
  for (const id of hostile) {
    const o = await readOnce(emu, { executionId: id });
    expect([id, isConfigurationError(o.error)]).toEqual([id, true]);
    expect(o.sent).toHaveLength(0);
  }
});

test("both outcomes of the ID properties were exercised in earnest", () => {
  const total = RUNS.executionId + RUNS.workflowId;
  expect(seen.refused).toBeGreaterThan(total * 0.2);
  expect(seen.sent).toBeGreaterThan(total * 0.2);
  console.log(`ID properties: ${seen.refused} refused before any request, ${seen.sent} sent (${seen.astralBeyondUtf16Length} of them longer than the limit in UTF-16 units but not in characters)`);
});
