/** What every contender is given and must do: read one execution, as a user of that approach would. */

/** Where the emulator listens and who we are; shared by all reads of a run. */
export interface Connection {
  url: string;
  projectId: string;
  credentials: { accessKey: string; secretKey: string };
}

/** Which execution a call reads. */
export interface ExecutionRef {
  workflowId: string;
  executionId: string;
  /** Send `X-Get-Workflow-Full-History-Data: true`. */
  fullHistory: boolean;
}

export type ContenderId = "library" | "sdk" | "floor";

export const CONTENDER_IDS: readonly ContenderId[] = ["library", "sdk", "floor"];

export interface Contender {
  id: ContenderId;
  /** One line for the report: what the call does. */
  label: string;
  /** One complete read: request, response, parse (and whatever else the approach does). */
  call(ref: ExecutionRef): Promise<unknown>;
  /**
   * Checks (outside the timed region) that a result describes the execution asked for and has the
   * expected number of node executions; throws otherwise, so a fast wrong answer never counts.
   */
  check(result: unknown, ref: ExecutionRef, expectedNodeExecutions: number): void;
}

/** Fails the benchmark with a message naming the contender. */
export function expect(condition: boolean, contender: ContenderId, what: string): void {
  if (!condition) throw new Error(`${contender}: ${what}`);
}
