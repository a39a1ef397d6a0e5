/**
 * Tiers, so a change can be checked at the speed it needs: `npx jest --selectProjects unit` runs the pure
 * tests in seconds; `npm test` runs every tier.
 *   unit      pure code: client pieces against loopback servers, model, gate logic, config, structure
 *   emulator  the library end to end against the emulator and hostile servers (trust, reliability)
 *   cli       the command and the GitHub Action, in process and as spawned processes
 *   pulumi    the dynamic-provider host, mocks, examples and the packed tarball in fresh projects
 */
const base = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleNameMapper: {
    "^fgs-workflow-gate$": "<rootDir>/provider/index.ts",
    "^fgs-workflow-gate/emulator$": "<rootDir>/emulator/index.ts",
    "^fgs-workflow-gate/pulumi$": "<rootDir>/provider/pulumi/index.ts",
    "^fgs-workflow-gate/testing$": "<rootDir>/provider/testing/index.ts",
  },
};

const tier = (displayName, roots, extra = {}) => ({
  ...base,
  displayName,
  testMatch: roots.map((r) => `<rootDir>/tests/${r}/**/*.test.ts`),
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    tier("unit", ["api", "unit", "model", "config", "structure", "gate"], { testPathIgnorePatterns: ["\\.emulator\\.test\\.ts$"] }),
    tier("emulator", ["emulator", "latest", "run", "reliability", "trust", "gate"], {
      testPathIgnorePatterns: ["/tests/gate/(?!.*\\.emulator\\.test\\.ts$)"],
    }),
    tier("cli", ["cli", "action"]),
    tier("pulumi", ["pulumi", "testing", "consumer", "bench"]),
  ],
};
