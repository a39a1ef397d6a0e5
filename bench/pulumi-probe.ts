/**
 * Child-process entry for the Pulumi numbers (a separate process because loading @pulumi/pulumi would
 * make the library believe it runs inside a Pulumi program, and costs the timing process memory):
 * - the serialized dynamic provider, produced exactly as `pulumi.dynamic.Resource` produces `__provider`:
 *   `serializeFunction(() => provider, { allowSecrets: true })`;
 * - the real provider host (@pulumi/pulumi's dynamic-provider host, started and driven over gRPC with the
 *   Pulumi engineer's harness in tests/pulumi/harness): time to its port, Configure, the first Read of a
 *   run against the emulator (the host then loads fgs-workflow-gate/runtime) and a second, warm Read.
 * argv[2]: JSON `{ conn, ref, hostRuns }`. Prints one JSON line.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { workflowExecutionProvider } from "../provider/pulumi/provider";
import { WORKFLOW_EXECUTION_TYPE } from "../provider/pulumi/resource";
import * as engine from "../tests/pulumi/harness/engine";
import { startHost } from "../tests/pulumi/harness/host";
import type { Connection, ExecutionRef } from "./contenders/types";

export interface ProbeResult {
  provider: { chars: number; bytes: number; containsSecrets: boolean; serializeMs: number };
  host: Array<{ startupMs: number; configureMs: number; firstReadMs: number; spawnToFirstReadMs: number; warmReadMs: number }>;
}

/** The repository root (dist/bench/.. /..): the host's cwd, like a Pulumi project directory. */
const REPO_ROOT = path.resolve(__dirname, "../..");
const PROJECT = "fgs-gate-bench";

function hostEnv(conn: Connection): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Without NODE_EXTRA_CA_CERTS / NODE_OPTIONS, as the whole-process contenders (see processes.ts).
  for (const [k, v] of Object.entries(process.env)) if (!/^(HW_|HUAWEICLOUD_|CLOUD_SDK_|PULUMI_|NODE_EXTRA_CA_CERTS$|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return { ...env, HW_ACCESS_KEY: conn.credentials.accessKey, HW_SECRET_KEY: conn.credentials.secretKey, PULUMI_NODEJS_PROJECT: PROJECT };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] as string) as { conn: Connection; ref: ExecutionRef; hostRuns: number };
  const t0 = Date.now();
  const sf = await pulumi.runtime.serializeFunction(() => workflowExecutionProvider, { allowSecrets: true });
  const provider = { chars: sf.text.length, bytes: Buffer.byteLength(sf.text), containsSecrets: sf.containsSecrets, serializeMs: Date.now() - t0 };

  const urn = engine.urnOf(WORKFLOW_EXECUTION_TYPE, "gate", PROJECT, "bench");
  const props = { endpoint: job.conn.url, projectId: job.conn.projectId, workflowId: job.ref.workflowId, __provider: sf.text };
  const host: ProbeResult["host"] = [];
  for (let i = 0; i < job.hostRuns; i++) {
    const h = await startHost({ cwd: REPO_ROOT, env: hostEnv(job.conn) });
    try {
      let t = Date.now();
      await engine.configure(h, { [`${PROJECT}:workflowId`]: job.ref.workflowId });
      const configureMs = Date.now() - t;
      t = Date.now();
      const first = await engine.read(h, urn, job.ref.executionId, props);
      const firstReadMs = Date.now() - t;
      const spawnToFirstReadMs = Date.now() - h.spawnedAt;
      if (first.id !== job.ref.executionId) throw new Error(`host read ${first.id}, not ${job.ref.executionId}`);
      t = Date.now();
      await engine.read(h, urn, job.ref.executionId, first.props, props);
      const warmReadMs = Date.now() - t;
      host.push({ startupMs: h.startupMs, configureMs, firstReadMs, spawnToFirstReadMs, warmReadMs });
    } catch (e) {
      throw new Error(`${(e as Error).message ?? String(e)}\nhost output:\n${h.output()}`);
    } finally {
      h.kill();
    }
  }
  const out: ProbeResult = { provider, host };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    process.stderr.write(`pulumi-probe: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
