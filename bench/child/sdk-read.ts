/**
 * Whole-process contender "official SDK": a fresh process that loads Huawei's Node SDK, builds a
 * FunctionGraph client and reads one execution. argv[2]: JSON `{ conn, ref }`.
 */
import { createSdkContender } from "../contenders/sdk";
import type { Connection, ExecutionRef } from "../contenders/types";

const job = JSON.parse(process.argv[2] as string) as { conn: Connection; ref: ExecutionRef };
createSdkContender(job.conn)
  .call(job.ref)
  .catch((e: unknown) => {
    process.stderr.write(`sdk-read: ${String(e)}\n`);
    process.exitCode = 1;
  });
