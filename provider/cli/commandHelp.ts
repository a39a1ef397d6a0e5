/**
 * The text of each command's help page (the flags, exit codes and environment are added by help.ts).
 */
import type { CommandName } from "./commands";

const LATEST_LOOKUP = `The latest run is the one that began last in the time window: --since (default: 3 days before
--until) to --until (default: now plus 15 minutes, a margin for clock skew), only counting runs with
--status when given. Every page of the list is read (the API promises no order). The workflow is given
by --workflow-id or by --workflow-name, which must match exactly one workflow (exact, case-sensitive):
no match or several is exit 2.`;

/** What the run produced, judged by --require-node and --condition (wait and run). */
const JUDGING = `Judging what the run produced: --require-node NAME[=STATUS,...] requires a node's latest execution
to have ended in one of the statuses (default success); a missing node fails. --condition EXPR reads one
value and compares it:
  SOURCE:POINTER OPERATOR [VALUE]
  SOURCE    output | input | node[NAME]      (the run's output or input, a node's latest output)
  POINTER   a JSON Pointer such as /report/failed ("" for the whole value; "/a b" in quotes if it
            holds spaces)
  OPERATOR  == != < <= > >= in exists matches   (< <= > >= compare numbers only)
  VALUE     JSON: "text", 3, true, null, ["a","b"]; nothing (or true/false) after exists; a JSON
            string holding an RE2 regular expression after matches
  output:/verdict == "ok"     node[integration-tests]:/failed <= 0     output:/report exists
  output:/stage in ["canary","ga"]     output:/label matches "^v[0-9]+"     input:/x != 1
A false condition, a missing value or one of another type (never converted) fails the gate (exit 1);
messages name the condition but never quote the value read (--expose-payloads lets them). A syntax
error is exit 2 and names the column. --conditions-file FILE holds a JSON list of conditions in the
library's shape, where onFalse/onMissing "inconclusive" make such an outcome exit 6. Conditions turn on
--full-history.`;

export const COMMAND_HELP: Record<CommandName, string> = {
  get: `Usage: fgs-execution get --workflow-id ID --execution-id ID [flags]

Reads a FunctionGraph workflow execution once and prints it. get only reads: it exits 0 whatever the
run's status (use wait to gate on it).`,
  latest: `Usage: fgs-execution latest (--workflow-id ID | --workflow-name NAME) [--status STATUS]
                            [--since TIME] [--until TIME] [flags]

Finds the latest run of a FunctionGraph workflow, reads it in full and prints it, like get. latest only
reads: it exits 0 whatever the run's status (use wait --latest to gate on it).

${LATEST_LOOKUP} No run in the window is exit 5.`,
  wait: `Usage: fgs-execution wait --workflow-id ID --execution-id ID [--require success] [flags]
       fgs-execution wait --latest (--workflow-id ID | --workflow-name NAME) [--status STATUS]
                          [--since TIME] [--until TIME] [--require success] [flags]

Polls the execution until its status is final (success, fail, timeout, cancel), then applies the gate:
the final status must be one of --require (default: success), and with --not-before / --max-age the
run must be recent enough (a run that is too old fails at once, without waiting). Prints the execution
either way. While waiting, a live status line (elapsed time, status, nodes finished of total) is shown
on stderr when it is a terminal, otherwise one line per status change.

With --latest, the run is not named but found, as by the latest command (--execution-id is then
refused). ${LATEST_LOOKUP}
When the window holds no run yet, the list is read again until one appears (a pipeline that has just
started the workflow), within the same --timeout; if none appears, exit 5. The run is chosen once and
then waited for: a newer run that starts during the wait is not switched to. --since hides older runs
(none left: exit 5), while --not-before and --max-age fail an older latest run (exit 1).

${JUDGING}`,
  run: `Usage: fgs-execution run (--workflow-id ID | --workflow-name NAME) --input JSON|@FILE
                         [--headers JSON|@FILE] [--sync] [--no-stop] [--require success] [flags]

Starts a run of the workflow with the given input, prints "started execution ID" on stderr as soon as
the service has answered (and a notice with --output github), then waits and gates on it exactly like
wait, with the same flags and exit codes. The input may hold secrets: it is never printed. A start is
sent once: after a timeout, a reset or a 5xx it is not sent again, and the error says that a run may
have started and how to find it.

When the wait times out (exit 4), or SIGINT or SIGTERM interrupts it (exit 130), the run this command
started is terminated first, and the message says so; --no-stop leaves it running. With --sync an
express workflow runs through the synchronous API and the gate judges its answer.

${JUDGING}`,
};

