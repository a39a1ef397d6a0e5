/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleNameMapper: {
    "^fgs-workflow-gate$": "<rootDir>/provider/index.ts",
    "^fgs-workflow-gate/emulator$": "<rootDir>/emulator/index.ts",
    "^fgs-workflow-gate/pulumi$": "<rootDir>/provider/pulumi/index.ts"
  },
  testTimeout: 30000,
  maxWorkers: 2
};
