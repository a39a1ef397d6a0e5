/**
 * The commands of `fgs-execution` and how each chooses the run it reads: the one thing most of the CLI
 * needs to know about them. Their flags are declared in ./flags.
 */

/**
 * The commands. `get` reads one run by ID; `latest` finds the run that began last and reads it; `wait`
 * polls until the run (given by ID, or the latest one with `--latest`) is final, then applies the gate;
 * `run` starts a run, then waits and gates on it like `wait`.
 */
export type CommandName = "get" | "latest" | "wait" | "run";
export const COMMANDS: readonly CommandName[] = ["get", "latest", "wait", "run"];

/** The commands that apply a gate (and so take the gate's flags). */
export const GATING_COMMANDS: readonly CommandName[] = ["wait", "run"];

/**
 * How the run is chosen: by its execution ID (`get`, `wait`), as the latest run of the workflow
 * (`latest`, `wait --latest`, through the library's `getLatestWorkflowExecution`), or as the run the
 * command starts (`run`).
 */
export type Selection = "execution" | "latest" | "start";

/** The selections a command can run with (`wait` has two: `--latest` picks the second). */
export function selectionsOf(command: CommandName): readonly Selection[] {
  if (command === "get") return ["execution"];
  if (command === "latest") return ["latest"];
  if (command === "run") return ["start"];
  return ["execution", "latest"];
}

/** The selection a command line makes: a command's first, or its second with `--latest` (`wait --latest`). */
export function selectionOf(command: CommandName, latest: boolean): Selection {
  const [plain, withLatest] = selectionsOf(command);
  return latest && withLatest !== undefined ? withLatest : (plain as Selection);
}
