/**
 * Contender 3, the floor: the least a correct client can do. One node-fetch GET signed with SDK-HMAC-SHA256
 * by a minimal signer written here with `node:crypto` (independent of the library's signer: only what this
 * one request needs, no general canonicalization), then `JSON.parse` of the body. No validation, no
 * mapping, no retries, no timeouts. node-fetch's default agent: Node's `http.globalAgent`.
 */
import { createHash, createHmac } from "node:crypto";
import nodeFetch from "node-fetch";
// Types only: the bare-script child (child/bare-read.ts) loads this file, and should load nothing of ours
// beyond it, as a script written by hand would not.
import type { Connection, Contender, ExecutionRef } from "./types";

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`floor: ${what}`);
}

const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

/** `20240506T070809Z` */
function sdkDate(now: Date): string {
  const iso = now.toISOString(); // 2024-05-06T07:08:09.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** IDs made of unreserved characters need no encoding; anything else is out of scope for the floor. */
function plain(segment: string): string {
  if (!/^[A-Za-z0-9\-_.~]+$/.test(segment)) throw new Error(`floor signer: segment needs encoding: ${segment}`);
  return segment;
}

export function createFloorContender(conn: Connection): Contender {
  const origin = new URL(conn.url);
  const host = origin.host;
  const project = plain(conn.projectId);
  return {
    id: "floor",
    label: "floor: node-fetch GET signed inline with node:crypto, then JSON.parse",
    async call(ref: ExecutionRef) {
      const path = `/v2/${project}/fgs/workflows/${plain(ref.workflowId)}/executions/${plain(ref.executionId)}`;
      const date = sdkDate(new Date());
      // Lowercase names already in code-unit order.
      const signed: Array<[string, string]> = [["host", host]];
      if (ref.fullHistory) signed.push(["x-get-workflow-full-history-data", "true"]);
      signed.push(["x-project-id", conn.projectId], ["x-sdk-date", date]);
      const names = signed.map(([k]) => k).join(";");
      const canonical = `GET\n${path}/\n\n${signed.map(([k, v]) => `${k}:${v}\n`).join("")}\n${names}\n${EMPTY_SHA256}`;
      const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
      const signature = createHmac("sha256", conn.credentials.secretKey).update(toSign).digest("hex");
      const headers: Record<string, string> = {
        "X-Project-Id": conn.projectId,
        "X-Sdk-Date": date,
        Authorization: `SDK-HMAC-SHA256 Access=${conn.credentials.accessKey}, SignedHeaders=${names}, Signature=${signature}`,
      };
      if (ref.fullHistory) headers["X-Get-Workflow-Full-History-Data"] = "true";
      const res = await nodeFetch(`${origin.origin}${path}`, { headers });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`floor: HTTP ${res.status}: ${text.slice(0, 200)}`);
      return JSON.parse(text) as unknown;
    },
    check(result, ref, expected) {
      const body = result as { execution_id?: string; node_execution_details?: Array<{ executions?: unknown[] }> };
      expect(body.execution_id === ref.executionId, `read ${String(body.execution_id)}, not ${ref.executionId}`);
      const count = (body.node_execution_details ?? []).reduce((n, d) => n + (d.executions?.length ?? 0), 0);
      expect(count === expected, `returned ${count} node executions, expected ${expected}`);
    },
  };
}
