/**
 * Credentials come only from the environment. A flag would put the secret in shell history, in CI logs
 * that echo commands, and in every process list (`ps`) on the machine while the command runs; so any
 * credential-looking flag is refused before anything else, and its value is never repeated.
 */
import { CREDENTIAL_ENV_VARIABLES } from "../config/credentialNames";
import { UsageError } from "./usageError";

// Names like --access-key, --secret-key, --security-token, --ak, --sk, --key, --password, --credentials.
const CREDENTIAL_NAME = /access|secret|token|passw|credential|(^|[-_])(ak|sk|key)$/i;

/** The flag name of a token (`--secret-key=abc` → `secret-key`), or undefined for a non-flag. */
function flagName(token: string): string | undefined {
  const m = /^-{1,2}([^=]+)/.exec(token);
  return m ? (m[1] as string) : undefined;
}

/**
 * Throws a UsageError (exit 2) if any argument is a credential-like flag. The message names the flag
 * only when the name itself is harmless, and never the value that follows it.
 */
export function refuseCredentialFlags(argv: readonly string[]): void {
  for (const token of argv) {
    const name = flagName(token);
    if (name === undefined || !CREDENTIAL_NAME.test(name)) continue;
    const label = /^[A-Za-z0-9_-]{1,40}$/.test(name) ? `--${name}` : "a credential flag";
    throw new UsageError(
      `${label} is refused: credentials are read only from the environment (${CREDENTIAL_ENV_VARIABLES.join(", ")}), ` +
        `never from flags, because flags end up in shell history, CI logs and process lists. Its value was not ` +
        `used or printed; if it was a real secret, consider rotating it.`,
    );
  }
}
