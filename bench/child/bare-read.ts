/**
 * Whole-process contender "bare script": what the least a user could write does in a fresh process:
 * require node-fetch, sign one GET with node:crypto (SDK-HMAC-SHA256, the floor contender's signer),
 * fetch, JSON.parse. argv[2]: JSON `{ conn, ref }`.
 */
import { createFloorContender } from "../contenders/floor";
import type { Connection, ExecutionRef } from "../contenders/types";

const job = JSON.parse(process.argv[2] as string) as { conn: Connection; ref: ExecutionRef };
createFloorContender(job.conn)
  .call(job.ref)
  .catch((e: unknown) => {
    process.stderr.write(`bare-read: ${String(e)}\n`);
    process.exitCode = 1;
  });
