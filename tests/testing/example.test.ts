/**
 * Runs `examples/testing/stack.spec.ts` as written: requiring it registers its `describe` and tests here.
 * Its imports of `fgs-workflow-gate/...` resolve to the sources through jest's moduleNameMapper.
 */
require("../../examples/testing/stack.spec");
