/**
 * Exit codes of `fgs-execution`: documented in `--help` and stable, because pipelines branch on them.
 * The mapping reads only the error's stable `code`, never its class, so it also works on errors from a
 * second copy of the library.
 */
import { ErrorCodes, errorCodeOf } from "../errors";
import { GateErrorCodes } from "../gate/gateError";
import { NO_EXECUTION_CODE } from "../latest/errors";

/** The exit codes, by meaning. */
export const ExitCodes = {
  /** `get`, `latest`: the read succeeded (whatever the run's status). `wait`: the gate passed. */
  ok: 0,
  /** The run ended in a status the gate does not accept, or is too old (FGS_GATE_REJECTED, FGS_GATE_STALE). */
  rejected: 1,
  /** Usage or configuration error: a missing or bad flag, a bad ID, no credentials (FGS_USAGE, FGS_CONFIGURATION). */
  usage: 2,
  /** API, transport or response-validation error after retries (FGS_API_ERROR, FGS_TRANSPORT, FGS_RESPONSE_INVALID). */
  api: 3,
  /** Still not final when the wait timed out (FGS_GATE_TIMEOUT). */
  stillRunning: 4,
  /**
   * `latest`, `wait --latest`: no run to read or gate on (FGS_NO_EXECUTION): none began in the window
   * (with the status filter); for `wait --latest`, none appeared before the timeout. Its own code because
   * it is none of 1..4: no run was rejected (1), the command line may be fine (2), the service answered
   * (3), and no run is in progress (4). It follows the error code alone, whether or not the command waited.
   */
  noExecution: 5,
  /**
   * The gate could not decide (FGS_GATE_INCONCLUSIVE): a condition with `onFalse` or `onMissing`
   * "inconclusive" came out that way. It never passes; a person should look.
   */
  inconclusive: 6,
  /** Interrupted by SIGINT or SIGTERM (the shell convention, 128 + 2). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];

const BY_CODE: Record<string, ExitCode> = {
  [GateErrorCodes.rejected]: ExitCodes.rejected,
  [GateErrorCodes.stale]: ExitCodes.rejected,
  [GateErrorCodes.timeout]: ExitCodes.stillRunning,
  [GateErrorCodes.inconclusive]: ExitCodes.inconclusive,
  [NO_EXECUTION_CODE]: ExitCodes.noExecution,
  FGS_USAGE: ExitCodes.usage,
  [ErrorCodes.configuration]: ExitCodes.usage,
  [ErrorCodes.api]: ExitCodes.api,
  [ErrorCodes.transport]: ExitCodes.api,
  [ErrorCodes.responseValidation]: ExitCodes.api,
};

/**
 * The exit code of an error. Anything unexpected (a bug, an error without a known code) is 3: the
 * command could not get a trustworthy answer, which a pipeline must treat like an API failure.
 */
export function exitCodeOf(error: unknown): ExitCode {
  const code = errorCodeOf(error);
  return (typeof code === "string" ? BY_CODE[code] : undefined) ?? ExitCodes.api;
}

/** The exit-code table as printed by `--help`. */
export const EXIT_CODE_HELP = `Exit codes:
  0    get, latest: the execution was read (whatever its status; they never gate).
       wait, run: the run ended in a required status (and is fresh enough, with every
       required node and condition met): the gate passed.
  1    The run ended in a status the gate does not accept (fail, timeout, cancel, ...:
       FGS_GATE_REJECTED), a required node or a condition failed, or the run began before
       --not-before / more than --max-age ago (FGS_GATE_STALE).
  2    Usage or configuration error: unknown or missing flag, bad value or ID, a
       credential passed as a flag, no credentials or region, a --workflow-name that
       matches no workflow or several (FGS_USAGE, FGS_CONFIGURATION).
  3    API, transport or response-validation error after retries: HTTP 4xx/5xx,
       network failure, timeout, malformed body (FGS_API_ERROR, FGS_TRANSPORT,
       FGS_RESPONSE_INVALID), or any unexpected failure.
  4    wait: the run was still not final when --timeout ran out (FGS_GATE_TIMEOUT).
  5    latest, wait --latest: no run to read or gate on: none began in the --since/--until
       window (with --status); wait --latest lists again until one appears, so for it none
       appeared before --timeout ran out (FGS_NO_EXECUTION). Nothing is printed on stdout.
  6    wait, run: the gate could not decide: a --require-node or condition marked
       inconclusive (onFalse/onMissing "inconclusive" in --conditions-file) came out that
       way (FGS_GATE_INCONCLUSIVE). It never passes: a person should look.
  130  Interrupted (SIGINT or SIGTERM). run terminates the run it started first (unless
       --no-stop).
  A 3 with "FGS_NO_VERDICT" on stderr means the process ended before the command had a
  result (it must never be read as a pass).`;
