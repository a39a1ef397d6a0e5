/**
 * The `json` output: the typed WorkflowExecution exactly as `getWorkflowExecution` returned it, and
 * nothing else on stdout, so `fgs-execution get ... --output json | jq .status` always works. Progress,
 * gate verdicts and errors go to stderr.
 */
import type { WorkflowExecution } from "../../model/types";
import { safeJson } from "./safeText";

/** The execution as pretty-printed JSON, ending with a newline; terminal-unsafe characters as `\u` escapes. */
export function renderJson(e: WorkflowExecution): string {
  return `${safeJson(JSON.stringify(e, null, 2))}\n`;
}
