/**
 * Child-process entry for the require-time measurement. Imports nothing at the top: the only module
 * loaded while the clock runs is the one measured. argv[2] is the module id ("fgs-workflow-gate" resolves
 * through the package's own `exports`, as for a consumer). With argv[3] (a JSON connection and execution),
 * it then times the first call too, which pays the lazy work (ajv, schema compilation).
 * Prints one JSON line: { requireMs, firstCallMs? }.
 */
async function main(): Promise<void> {
  const id = process.argv[2] as string;
  const started = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(id) as Record<string, unknown>;
  const requireMs = Number(process.hrtime.bigint() - started) / 1e6;
  let firstCallMs: number | undefined;
  if (process.argv[3]) {
    const job = JSON.parse(process.argv[3]) as { args: Record<string, unknown> };
    const get = mod.getWorkflowExecution as (args: Record<string, unknown>) => Promise<unknown>;
    const t0 = process.hrtime.bigint();
    await get(job.args);
    firstCallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  process.stdout.write(`${JSON.stringify({ requireMs, firstCallMs })}\n`);
}

main().catch((e) => {
  process.stderr.write(`require-child: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
