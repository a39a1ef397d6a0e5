/**
 * The CLI's own error: the command line is wrong (unknown flag, missing value, a credential passed as a
 * flag). Reported with exit code 2, like the library's ConfigurationError.
 */
import type { CommandName } from "./commands";

/** A command-line mistake. Its message never contains the value of a credential-like flag. */
export class UsageError extends Error {
  /** Stable code printed in the error line, next to the library's `FGS_*` codes. */
  readonly code = "FGS_USAGE";
  constructor(
    message: string,
    /** The command whose `--help` is worth pointing to, if known. */
    readonly command?: CommandName,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
