/**
 * The local FunctionGraph emulator, started in-process on port 0, plus the connection inputs every test
 * passes (endpoint and project, so no IAM discovery and no region are needed).
 */
import { DEMO_CREDENTIALS, SCENARIO_IDS, startEmulator } from "../../../emulator";

export { DEMO_CREDENTIALS, SCENARIO_IDS };

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Starts an emulator with the default scenario and the demo credentials. */
export function startTestEmulator(): Promise<Emulator> {
  return startEmulator();
}

/** The inputs that point a read at this emulator. */
export function at(emulator: Emulator) {
  return { endpoint: emulator.url, projectId: SCENARIO_IDS.projectId, workflowId: SCENARIO_IDS.workflow };
}

/** Environment variables carrying the emulator's credentials, as `npm run emulator` prints them. */
export function credentialEnv(emulator: Emulator): NodeJS.ProcessEnv {
  return { HW_ACCESS_KEY: emulator.credentials.accessKey, HW_SECRET_KEY: emulator.credentials.secretKey };
}
