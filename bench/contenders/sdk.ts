/**
 * Contender 2: Huawei's official Node SDK, `FunctionGraphClient.showWorkflowExecution`, built once per
 * connection as its documentation shows (BasicCredentials with AK/SK and project ID, `withEndpoint`).
 *
 * `customUserAgent` is set so that building the client does not create `~/.huaweicloud/application_id`
 * (the SDK writes that file when no custom user agent is given). Its axios instance gets no agent of its
 * own, so requests go through Node's `http.globalAgent`, like the other contenders.
 * The SDK is required lazily: loading it is slow and only the benchmark needs it.
 */
import { expect, type Connection, type Contender, type ExecutionRef } from "./types";

type SdkCore = typeof import("@huaweicloud/huaweicloud-sdk-core");
type SdkFunctionGraph = typeof import("@huaweicloud/huaweicloud-sdk-functiongraph");

interface SdkBody {
  execution_id?: string;
  node_execution_details?: Array<{ executions?: unknown[] }>;
}

export function createSdkContender(conn: Connection): Contender {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = require("@huaweicloud/huaweicloud-sdk-core") as SdkCore;
  const fg = require("@huaweicloud/huaweicloud-sdk-functiongraph") as SdkFunctionGraph;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const credentials = new core.BasicCredentials()
    .withAk(conn.credentials.accessKey)
    .withSk(conn.credentials.secretKey)
    .withProjectId(conn.projectId);
  const client = fg.FunctionGraphClient.newBuilder()
    .withCredential(credentials)
    .withEndpoint(conn.url)
    .withOptions({ customUserAgent: "fgs-workflow-gate-bench" })
    .build();
  return {
    id: "sdk",
    label: "@huaweicloud/huaweicloud-sdk-functiongraph showWorkflowExecution (axios, SDK signer)",
    call(ref: ExecutionRef) {
      const request = new fg.ShowWorkflowExecutionRequest().withWorkflowId(ref.workflowId).withExecutionId(ref.executionId);
      if (ref.fullHistory) request.withXGetWorkflowFullHistoryData(true);
      return client.showWorkflowExecution(request);
    },
    check(result, ref, expected) {
      const body = result as SdkBody;
      expect(body.execution_id === ref.executionId, "sdk", `read ${String(body.execution_id)}, not ${ref.executionId}`);
      const count = (body.node_execution_details ?? []).reduce((n, d) => n + (d.executions?.length ?? 0), 0);
      expect(count === expected, "sdk", `returned ${count} node executions, expected ${expected}`);
    },
  };
}
