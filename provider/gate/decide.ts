/**
 * The pass/fail decision, a pure function of the execution, the policy and the time. It fails closed: a
 * run that is not final never passes a status requirement, and freshness (./freshness) comes first.
 */
import type { WorkflowExecution } from "../model/types";
import { failedNodesText, nodeProgress, runLabel } from "./describe";
import { checkFreshness } from "./freshness";
import { judge, judgementText } from "./conditions";
import { GateErrorCodes } from "./gateError";
import type { GatePolicy } from "./options";
import { type Verdict, seconds } from "./verdict";

/** The full verdict once reading (and waiting) is over. `waitedMs` is undefined when no wait was asked. */
export function decide(e: WorkflowExecution, policy: GatePolicy, nowMs: number, waitedMs: number | undefined): Verdict {
  const fresh = checkFreshness(e, policy, nowMs);
  if (!fresh.pass) return fresh;
  // A wait that ends on a run still going has not done what was asked, requirement or not.
  const waitedInVain = waitedMs !== undefined && !e.terminal;
  const judges = policy.nodes.length > 0 || policy.conditions.length > 0;
  if (policy.require === undefined && !waitedInVain && !judges) return { pass: true };
  const label = runLabel(e);
  if (!e.terminal) {
    const { finished, total } = nodeProgress(e);
    const why =
      waitedMs === undefined
        ? "and no wait was requested (set waitForCompletion)"
        : `after waiting ${seconds(waitedMs)}`;
    return {
      pass: false,
      code: GateErrorCodes.timeout,
      message: `${label} is still ${e.status} ${why} (${finished} of ${total} nodes finished): a run that has not finished does not pass`,
    };
  }
  if (policy.require === undefined || policy.require.has(e.status)) return judges ? judgeOutputs(e, policy, label) : { pass: true };
  const nodes = failedNodesText(e);
  const expected = [...policy.require].join(", ");
  return {
    pass: false,
    code: GateErrorCodes.rejected,
    message: `${label} ended ${e.status}${nodes ? `: ${nodes}` : ""} (required: ${expected})`,
  };
}

/** The verdict of the required nodes and conditions on a final run whose status passed. */
function judgeOutputs(e: WorkflowExecution, policy: GatePolicy, label: string): Verdict {
  const judgement = judge(e, [...policy.nodes], [...policy.conditions], policy.exposePayloads);
  const { results } = judgement;
  if (judgement.outcome === "pass") return { pass: true, results };
  const code = judgement.outcome === "fail" ? GateErrorCodes.rejected : GateErrorCodes.inconclusive;
  const what = judgement.outcome === "fail" ? "failed its checks" : "could not be judged";
  return { pass: false, code, message: `${label} ended ${e.status} but ${what}: ${judgementText(judgement)}`, results };
}
