/**
 * `npm run demo`: starts the built-in emulator on 127.0.0.1, reads a few of its executions through the
 * real signed client (validated and mapped exactly as against Huawei Cloud), prints each as a table, then
 * shows the gate waiting for a run and rejecting a failed one. Exits 0 when everything behaved as expected.
 */
import { startEmulator, SCENARIO_IDS } from "../emulator";
import { getWorkflowExecution } from "../provider/getWorkflowExecution";
import { isWorkflowGateError } from "../provider/gate/gateError";
import { renderTable } from "../provider/cli/render/table";
import type { GetWorkflowExecutionArgs } from "../provider/args";

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const out = (text: string) => process.stdout.write(text);
const heading = (text: string) => out(`\n${color ? `\x1b[1m${text}\x1b[0m` : text}\n${"-".repeat(text.length)}\n`);

async function main(): Promise<number> {
  const emulator = await startEmulator({ port: 0 });
  const ids = SCENARIO_IDS;
  const connection = {
    endpoint: emulator.url,
    projectId: emulator.projectId,
    credentials: { accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey },
  };
  const read = (executionId: string, extra: Partial<GetWorkflowExecutionArgs> = {}, workflowId: string = ids.workflow) =>
    getWorkflowExecution({ ...connection, workflowId, executionId, ...extra }, { env: {}, logger: undefined });
  let problems = 0;
  try {
    out(`FunctionGraph emulator at ${emulator.url} (project ${emulator.projectId}); every request below is signed with SDK-HMAC-SHA256 and verified.\n`);

    const shown: Array<[string, string, string?]> = [
      ["A successful run", ids.executions.success],
      ["A failed run (one node failed)", ids.executions.fail],
      ["A run whose node was retried", ids.executions.retriedNode],
      ["A run that timed out", ids.executions.timeout],
      ["The published API example, served verbatim", ids.executions.publishedExample, ids.exampleWorkflow],
    ];
    for (const [title, executionId, workflowId] of shown) {
      heading(title);
      out(renderTable(await read(executionId, { fullHistory: true }, workflowId), { color, nowMs: Date.now() }));
    }

    heading("Gate: wait for a running run, require success");
    const passed = await read(ids.executions.progressToSuccess, {
      requireStatus: "success",
      waitForCompletion: { minIntervalSeconds: 0.2, maxIntervalSeconds: 1, timeoutSeconds: 30 },
      onProgress: (p) =>
        out(`  ${(p.elapsedMs / 1000).toFixed(1).padStart(5)} s  ${p.status.padEnd(8)} ${p.nodesFinished}/${p.nodesTotal} nodes finished\n`),
    });
    out(`  gate passed: ${passed.status} after ${passed.nodes.length} nodes\n`);
    if (!passed.succeeded) problems++;

    heading("Gate: require success on the failed run");
    try {
      await read(ids.executions.fail, { requireStatus: "success" });
      out("  unexpected: the gate passed a failed run\n");
      problems++;
    } catch (e) {
      if (!isWorkflowGateError(e)) throw e;
      out(`  gate refused (${e.code}): ${e.message}\n`);
    }
    out(`\n${emulator.requests.length} signed requests served by the emulator.\n`);
  } finally {
    await emulator.close();
  }
  return problems === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`demo failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    process.exitCode = 1;
  },
);
