/**
 * How much each part of the suite runs, declared once. Every test file checks that it really ran this
 * many cases (a property that stopped early, a table that lost a row, would fail), and
 * Each test file checks that it ran exactly its declared count.
 */
export const RUNS = {
  /** Property runs per input property (inputs.property.test.ts, headers.property.test.ts). */
  executionId: 400,
  workflowId: 250,
  existingId: 60,
  projectId: 250,
  region: 200,
  endpoint: 1000,
  securityToken: 300,
  accessKey: 200,
  secretKey: 200,
  /** Response fuzzing (responses.fuzz.test.ts). */
  fuzzRead: 1500,
  fuzzGate: 300,
  fuzzWait: 60,
  /** Load (load.test.ts). */
  concurrentCalls: 1000,
  loadExecutions: 100,
} as const;

export const PROPERTY_KEYS = [
  "executionId",
  "workflowId",
  "existingId",
  "projectId",
  "region",
  "endpoint",
  "securityToken",
  "accessKey",
  "secretKey",
] as const;
export const FUZZ_KEYS = ["fuzzRead", "fuzzGate", "fuzzWait"] as const;
