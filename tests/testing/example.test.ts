/**
 * Runs `examples/testing/stack.spec.ts` as written: requiring it registers its `describe` and tests here.
 * The package name resolves to the source (jest's moduleNameMapper maps the other entry points; this one
 * is mapped here until it has its own entry there).
 */
jest.mock("fgs-workflow-gate/testing", () => jest.requireActual("../../provider/testing"), { virtual: true });

require("../../examples/testing/stack.spec");
