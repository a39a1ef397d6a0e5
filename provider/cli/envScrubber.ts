/**
 * The CLI's second line of defence against printing a credential: every text it writes is scrubbed of
 * the credential values found in its environment (the variables of config/credentialNames.ts). A value
 * is found whole, and also in part: any run of 16 or more of its characters, which is what a message cut
 * at some length (a 64-character ID, a 128-character name) leaves of it. The library scrubs with the
 * credentials it used; this also covers text the library cut first, and other sources that are set.
 */
import { secretScrubber } from "../api/redact";
import { CREDENTIAL_ENV_VARIABLES } from "../config/credentialNames";

/** Removes credential values from a text. */
export type EnvScrubber = (text: string) => string;

/** A scrubber for the credential values set in `env` (whole, and runs of 16 or more of their characters). */
export function makeEnvScrubber(env: NodeJS.ProcessEnv): EnvScrubber {
  return secretScrubber(CREDENTIAL_ENV_VARIABLES.map((n) => env[n]));
}
