/**
 * Very deep values in every place of a body (10,000 and 100,000 levels, arrays and objects). JSON.parse
 * copes with any depth, but JSON.stringify, the CLI's JSON output and Pulumi's state serialization do
 * not: a read must end in a ResponseValidationError or in a model that can be serialized, never in a
 * model that crashes whatever consumes it.
 */
import { isResponseValidationError } from "../../provider/errors";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import { FUZZ_IDS, VALID_BODIES } from "./support/bodies";
import { CANARY } from "./support/canary";
import { scriptedFetch } from "./support/fakeFetch";
import { isolatedContext } from "./support/faultWorld";
import { DEEP_CASES, PLACE, POSITIONS, deep } from "./support/deepCases";
import { modelProblems } from "./support/oracle";

test.each(DEEP_CASES)("$depth levels of $shape in $position", async ({ position, depth, shape }) => {
  const body = structuredClone(VALID_BODIES[0]) as Record<string, unknown>;
  POSITIONS[position](body);
  const text = JSON.stringify(body).replace(JSON.stringify(PLACE), deep(shape, depth));
  expect(text.length).toBeGreaterThan(depth * 2);
  const { fetch } = scriptedFetch(() => ({ body: text }));
  const outcome = await getWorkflowExecution(
    { endpoint: "https://functiongraph.fuzz.example", ...FUZZ_IDS, credentials: { ...CANARY }, maxRetries: 0 },
    isolatedContext([], { policy: { fetch } }),
  ).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  if ("error" in outcome) {
    if (!isResponseValidationError(outcome.error)) throw outcome.error;
    return;
  }
  expect(modelProblems(outcome.result, JSON.parse(text))).toEqual([]);
});
