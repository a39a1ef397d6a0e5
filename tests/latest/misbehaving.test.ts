/**
 * Servers that do not page as documented. A tiny local HTTP server (no signature check) stands in for
 * them: one that ignores `offset`, one that answers with another workflow's runs.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isResponseValidationError } from "../../provider/errors";
import { getLatestWorkflowExecution } from "../../provider/latest/getLatestWorkflowExecution";
import { quietContext } from "./helpers";

const PROJECT = "c1b2c3d4e5f60718293a4b5c6d7e8f90";
const URN = `urn:fss:cn-north-4:${PROJECT}:workflow:default:flow:latest`;

function brief(i: number, workflowId = "wf-1") {
  const t = new Date(Date.UTC(2024, 4, 6) - i * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { workflow_id: workflowId, workflow_urn: URN, execution_id: `e-${i}`, status: "success", begin_time: t, end_time: t, last_update_time: t };
}

async function serve(executions: (offset: number) => unknown[]): Promise<{ url: string; calls: string[]; server: Server }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    calls.push(u.searchParams.get("offset") ?? "");
    const body = JSON.stringify({ executions: executions(Number(u.searchParams.get("offset") ?? 0)) });
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, server };
}

const args = (url: string) => ({
  endpoint: url,
  projectId: PROJECT,
  region: "cn-north-4",
  credentials: { accessKey: "AKTEST", secretKey: "SKTEST" },
  workflowId: "wf-1",
  since: "2024-05-01T00:00:00Z",
  until: "2024-05-07T00:00:00Z",
});

test("a server that ignores offset: an error after the page repeats twice, not an endless loop", async () => {
  const s = await serve(() => Array.from({ length: 200 }, (_, i) => brief(i)));
  try {
    const err = await getLatestWorkflowExecution(args(s.url), quietContext()).catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toMatch(/page at offset 400 repeats items already read \(the server seems to ignore offset\)/);
    expect((err as Error).message).toMatch(/cannot be read to its end/);
    expect(s.calls).toEqual(["0", "200", "400"]);
  } finally {
    s.server.close();
  }
});

test("a list item of another workflow fails closed", async () => {
  const s = await serve(() => [brief(1), brief(0, "wf-other")]);
  try {
    const err = await getLatestWorkflowExecution(args(s.url), quietContext()).catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect((err as Error).message).toContain("the requested workflow ID wf-1");
  } finally {
    s.server.close();
  }
});

test("runs outside the asked window are ignored even if the server returns them", async () => {
  // Served: one run inside the window and a newer one after `until`.
  const s = await serve((offset) => (offset === 0 ? [brief(60 * 24 * 2), { ...brief(0), begin_time: "2024-05-08T00:00:00Z", execution_id: "e-late" }] : []));
  try {
    // The chosen run is then read by ID; this server answers that with a list body, so the read fails
    // validation, but only after the choice was made: the error names the in-window run.
    const err = await getLatestWorkflowExecution(args(s.url), quietContext()).catch((e: unknown) => e);
    expect((err as Error).message).toContain(`/executions/e-${60 * 24 * 2}`);
  } finally {
    s.server.close();
  }
});
