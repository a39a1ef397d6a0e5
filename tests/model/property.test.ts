/**
 * Property-based: for arbitrary bodies and mutations, validate → map either reports violations or yields
 * a model whose `succeeded` is true exactly when the status is `success` and whose `terminal` follows
 * the final statuses. This is the invariant the gate relies on.
 */
import fc from "fast-check";
import { toWorkflowExecution } from "../../provider/model/map";
import { ALL_STATUSES, isFinalStatus } from "../../provider/model/types";
import { validateBody } from "../../provider/model/validate";

const nearMisses = ["SUCCESS", "Success", "succeeded", "success ", " success", "succes", "ok", "passed", "done", ""];
const status = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_STATUSES) },
  { weight: 2, arbitrary: fc.constantFrom(...nearMisses) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()) },
);
const part = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const urn = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(part, part, part, part).map(([r, p, n, v]) => `urn:fss:${r}:${p}:workflow:default:${n}:${v}`) },
  { weight: 1, arbitrary: fc.string() },
);
const isoTime = fc.date({ min: new Date(0), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
const time = fc.oneof({ weight: 5, arbitrary: isoTime }, { weight: 2, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.oneof(fc.string(), fc.integer()) });
const opaque = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.jsonValue() });
const epoch = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4_102_444_800_000 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(8.64e15)) });
const nodeExecution = fc.record(
  { status, input: opaque, output: opaque, begin_time: epoch, end_time: epoch, error_message: opaque, request_id: fc.string() },
  { requiredKeys: ["status"] },
);
const node = fc.record({ node_id: fc.string(), node_name: fc.string(), execution_id: fc.string(), executions: fc.option(fc.array(nodeExecution, { maxLength: 4 }), { nil: null }) });
const body = fc.record(
  {
    workflow_id: fc.oneof(fc.uuid(), fc.string()),
    workflow_urn: urn,
    execution_id: fc.oneof(fc.uuid(), fc.string()),
    status,
    headers: opaque,
    input: opaque,
    output: opaque,
    begin_time: time,
    end_time: time,
    last_update_time: time,
    created_by: fc.string(),
    node_execution_details: fc.option(fc.array(node, { maxLength: 4 }), { nil: null }),
    unknown_extra: fc.jsonValue(),
  },
  { requiredKeys: ["workflow_id", "workflow_urn", "execution_id", "status"] },
);
/** Bodies plus a few structural mutations (drop a key, replace the whole thing). */
const mutated = fc.oneof(
  { weight: 8, arbitrary: body },
  { weight: 1, arbitrary: fc.tuple(body, fc.constantFrom("workflow_id", "workflow_urn", "execution_id", "status")).map(([b, k]) => {
      const copy: Record<string, unknown> = { ...b };
      delete copy[k];
      return copy;
    }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe("validate → map invariant", () => {
  it("succeeded ⇔ status is success; terminal ⇔ status is final; invalid bodies always report violations", () => {
    let mapped = 0;
    fc.assert(
      fc.property(mutated, (b) => {
        const violations = validateBody("execution", b);
        if (violations.length > 0) return violations.every((v) => typeof v.pointer === "string" && v.expected.length > 0);
        const m = toWorkflowExecution(b as never);
        mapped++;
        const s = (b as { status: string }).status;
        return (ALL_STATUSES as readonly string[]).includes(s) && m.succeeded === (s === "success") && m.terminal === isFinalStatus(s) && m.status === s;
      }),
      { numRuns: 1500 },
    );
    expect(mapped).toBeGreaterThan(100); // the generator must produce plenty of valid bodies too
  });

  it("a status other than success never yields succeeded, whatever the nodes say", () => {
    const others = fc.constantFrom(...ALL_STATUSES.filter((s) => s !== "success"));
    fc.assert(
      fc.property(body, others, (b, s) => {
        const copy = { ...(b as Record<string, unknown>), status: s };
        return validateBody("execution", copy).length > 0 || toWorkflowExecution(copy as never).succeeded === false;
      }),
      { numRuns: 500 },
    );
  });
});
