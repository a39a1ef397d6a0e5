/**
 * Response fuzzing: valid bodies, mutated, served through an injected transport (no network). Whatever
 * arrives, a read returns a model that matches the body (and could only come from a body within the
 * contract) or throws a ResponseValidationError; `succeeded` is true only for "success"; a gate passes
 * only on a fully checked body whose status is "success"; a status that is not final never ends a wait.
 */
import fc from "fast-check";
import { ErrorCodes, isResponseValidationError } from "../../provider/errors";
import { GateErrorCodes, isWorkflowGateError } from "../../provider/gate/gateError";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import type { GetWorkflowExecutionArgs } from "../../provider/args";
import type { WorkflowExecution } from "../../provider/model/types";
import { FUZZ_IDS, VALID_BODIES } from "./support/bodies";
import { CANARY } from "./support/canary";
import { RUNS } from "./support/counts";
import { scriptedFetch, type Scripted } from "./support/fakeFetch";
import { isolatedContext } from "./support/faultWorld";
import { applyMutations, mutations, toText, type Mutation } from "./support/mutate";
import { FINAL, STATUSES, contractProblem, modelProblems } from "./support/oracle";

type Json = Parameters<typeof applyMutations>[0];

/** A base body and mutations of it. */
const mutatedBody = fc
  .integer({ min: 0, max: VALID_BODIES.length - 1 })
  .chain((i) => fc.tuple(fc.constant(i), mutations(VALID_BODIES[i] as Json)));

function bodyOf([i, list]: [number, Mutation[]]): { text: string; parsed: unknown } {
  const text = toText(applyMutations(VALID_BODIES[i] as Json, list));
  return { text, parsed: JSON.parse(text) };
}

async function call(
  serve: (n: number) => Scripted,
  args: Partial<GetWorkflowExecutionArgs> = {},
): Promise<{ result?: WorkflowExecution; error?: unknown; calls: number }> {
  const { fetch, calls } = scriptedFetch(serve);
  try {
    const result = await getWorkflowExecution(
      { endpoint: "https://functiongraph.fuzz.example", ...FUZZ_IDS, credentials: { ...CANARY }, maxRetries: 0, ...args },
      isolatedContext([], { policy: { fetch } }),
    );
    return { result, calls: calls.length };
  } catch (error) {
    return { error, calls: calls.length };
  }
}

test(`mutated bodies: a model that matches a body within the contract, or a ResponseValidationError (${RUNS.fuzzRead} cases)`, async () => {
  let cases = 0;
  const seen = { results: 0, rejected: 0 };
  await fc.assert(
    fc.asyncProperty(mutatedBody, async (m) => {
      cases++;
      const { text, parsed } = bodyOf(m);
      const problem = contractProblem(parsed, FUZZ_IDS);
      const o = await call(() => ({ body: text }));
      if (o.result) {
        seen.results++;
        // A model only ever comes from a body within the contract, and says what the body says.
        expect(problem).toBeUndefined();
        expect(modelProblems(o.result, parsed as Record<string, unknown>)).toEqual([]);
        return;
      }
      seen.rejected++;
      if (!isResponseValidationError(o.error)) throw o.error;
      expect(o.error.code).toBe(ErrorCodes.responseValidation);
      expect(o.error.violations.length).toBeGreaterThan(0);
      for (const v of o.error.violations) expect(v.pointer === "" || v.pointer.startsWith("/")).toBe(true);
      // And it rejects only what the contract rejects.
      expect(problem).toBeDefined();
    }),
    { numRuns: RUNS.fuzzRead },
  );
  expect(cases).toBe(RUNS.fuzzRead);
  expect(Math.min(seen.results, seen.rejected)).toBeGreaterThan(RUNS.fuzzRead * 0.1);
});

test(`gates on mutated bodies: pass only on a checked "success" (${RUNS.fuzzGate} cases)`, async () => {
  let cases = 0;
  const verdicts: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(mutatedBody, async (m) => {
      cases++;
      const { text, parsed } = bodyOf(m);
      const problem = contractProblem(parsed, FUZZ_IDS);
      const status = (parsed as { status?: unknown }).status;
      const o = await call(() => ({ body: text }), {
        requireStatus: "success",
        waitForCompletion: { timeoutSeconds: 0.03, minIntervalSeconds: 0.01, maxIntervalSeconds: 0.01, maxConsecutiveErrors: 0 },
      });
      const verdict = o.result ? "pass" : isWorkflowGateError(o.error) ? o.error.code : isResponseValidationError(o.error) ? "invalid" : "other";
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
      if (verdict === "other") throw o.error;
      if (verdict === "invalid") {
        expect(problem).toBeDefined();
        return;
      }
      expect(problem).toBeUndefined();
      if (verdict === "pass") {
        expect(status).toBe("success");
        expect(o.result?.succeeded).toBe(true);
      } else if (verdict === GateErrorCodes.rejected) {
        expect(FINAL.filter((s) => s !== "success")).toContain(status);
      } else if (verdict === GateErrorCodes.timeout) {
        // A status that is not final never passes. (How often it was polled depends on how long one read
        // of a huge mutated body takes against the 30 ms wait; the wait fuzz below checks re-polling.)
        expect(FINAL).not.toContain(status);
        expect(o.calls).toBeGreaterThanOrEqual(1);
      } else {
        throw new Error(`unexpected gate verdict ${verdict}`);
      }
    }),
    { numRuns: RUNS.fuzzGate },
  );
  expect(cases).toBe(RUNS.fuzzGate);
  console.log(`gate verdicts over ${cases} mutated bodies: ${JSON.stringify(verdicts)}`);
  expect(verdicts.pass ?? 0).toBeGreaterThan(0);
  expect(verdicts.invalid ?? 0).toBeGreaterThan(0);
});

const NON_FINAL = STATUSES.filter((s) => !FINAL.includes(s));

test(`a status that is not final never ends a wait (${RUNS.fuzzWait} cases)`, async () => {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...NON_FINAL), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...FINAL),
      fc.integer({ min: 0, max: VALID_BODIES.length - 1 }),
      async (pending, final, base) => {
        cases++;
        const statuses = [...pending, final];
        const o = await call((n) => ({ body: JSON.stringify({ ...VALID_BODIES[base], status: statuses[Math.min(n, statuses.length) - 1] }) }), {
          requireStatus: "success",
          waitForCompletion: { timeoutSeconds: 30, minIntervalSeconds: 0.01, maxIntervalSeconds: 0.01 },
        });
        // Exactly one read per scripted status: no non-final status ended the wait early.
        expect(o.calls).toBe(statuses.length);
        if (final === "success") expect(o.result?.status).toBe("success");
        else expect(o.error).toMatchObject({ code: GateErrorCodes.rejected, execution: { status: final } });
      },
    ),
    { numRuns: RUNS.fuzzWait },
  );
  expect(cases).toBe(RUNS.fuzzWait);
});
