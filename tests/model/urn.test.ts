/**
 * `parseWorkflowUrn` and the schema's URN pattern accept exactly the same strings, and a bad URN is a
 * violation at /workflow_urn.
 */
import fc from "fast-check";
import commonSchema from "../../schema/common.schema.json";
import { parseWorkflowUrn } from "../../provider/model/urn";
import { validateBody } from "../../provider/model/validate";
import { exampleLoose } from "./helpers";

const URN_RE = new RegExp(commonSchema.definitions.workflowUrn.pattern, "u");
const URN_TEXT = commonSchema.definitions.workflowUrn.title;

describe("workflow URN", () => {
  it("parses the eight parts", () => {
    expect(parseWorkflowUrn("urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:workflow:default:my-flow:latest")).toEqual({
      region: "cn-north-4",
      projectId: "0123456789abcdef0123456789abcdef",
      package: "default",
      workflowName: "my-flow",
      version: "latest",
    });
  });

  it.each([
    "",
    "urn:fss:cn-north-4:p:workflow:default:flow",
    "urn:fss:cn-north-4:p:workflow:default:flow:latest:extra",
    "urn:fss::p:workflow:default:flow:latest",
    "urn:fss:r:p:workflow:default:flow:",
    "urn:fss:r:p:function:default:flow:latest",
    "URN:fss:r:p:workflow:default:flow:latest",
    "urn:fgs:r:p:workflow:default:flow:latest",
  ])("rejects %j in the parser and in the schema", (urn) => {
    expect(parseWorkflowUrn(urn)).toBeUndefined();
    const b = exampleLoose();
    b.workflow_urn = urn;
    expect(validateBody("execution", b)).toEqual([{ pointer: "/workflow_urn", expected: URN_TEXT }]);
  });

  it("agrees with the schema pattern on arbitrary strings", () => {
    const part = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("urn", "fss", "workflow", ""));
    const urns = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(part, { minLength: 6, maxLength: 10 }).map((p) => p.join(":")),
      fc.tuple(part, part, part, part, part).map(([r, p, k, n, v]) => `urn:fss:${r}:${p}:workflow:${k}:${n}:${v}`),
    );
    fc.assert(fc.property(urns, (u) => URN_RE.test(u) === (parseWorkflowUrn(u) !== undefined)), { numRuns: 1000 });
    // And the parts it returns are the URN's colon-separated parts.
    const parts = fc.tuple(part, part, part, part, part).filter((p) => p.every((x) => x !== "" && !x.includes(":")));
    fc.assert(
      fc.property(parts, ([region, projectId, pkg, workflowName, version]) => {
        expect(parseWorkflowUrn(`urn:fss:${region}:${projectId}:workflow:${pkg}:${workflowName}:${version}`)).toEqual({ region, projectId, package: pkg, workflowName, version });
      }),
      { numRuns: 500 },
    );
  });
});
