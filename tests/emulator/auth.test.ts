/** Signature verification: what the gateway accepts and rejects, with its messages. */
import { SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { exchange, getExecution, manualClock, paths } from "./helpers";

const VERIFY_FAIL = "Incorrect IAM authentication information: verify aksk signature fail";
const EXPIRED = "Incorrect IAM authentication information: calc ak sk signature fail:signature expired";
const TEMP = { accessKey: "TMPAKEXAMPLE0000TEMP", secretKey: "TemporarySecretKeyForTests00000000000001", securityToken: "gQpjbi1ub3J0aC00SECURITYTOKENEXAMPLE+/=" };
const { workflow, executions } = SCENARIO_IDS;

let emu: RunningEmulator;
const clock = manualClock();
const at = (offsetMs = 0): Date => new Date(clock.now() + offsetMs);

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, credentials: [{ accessKey: "EMULATORDEMOAK000001", secretKey: "EmulatorDemoSecretKeyNotReal000000000001" }, TEMP] });
});
afterAll(() => emu.close());

function expect401(res: Awaited<ReturnType<typeof exchange>>, message = VERIFY_FAIL): void {
  expect(res.status).toBe(401);
  expect(res.headers["content-type"]).toBe("application/json");
  const body = res.json();
  expect(body).toEqual({ error_code: "APIGW.0301", error_msg: message, request_id: res.headers["x-request-id"] });
}

describe("accepts correctly signed requests", () => {
  test("ShowWorkflowExecution with the SDK's header set (vector F1 shape)", async () => {
    const res = await getExecution(emu, workflow, executions.success, { full: true, date: at() });
    expect(res.status).toBe(200);
    expect(res.json().execution_id).toBe(executions.success);
  });

  test("a query that needs encoding (space, colon, repeated key order)", async () => {
    const res = await exchange(emu, {
      path: paths.executions(emu, workflow),
      query: { start_time: "2024-05-03 00:00:00", end_time: "2024-05-06T07:08:09Z", limit: "50" },
      date: at(),
    });
    expect(res.status).toBe(200);
  });

  test("repeated query keys are verified as arrays (then rejected by the handler, not by auth)", async () => {
    const res = await exchange(emu, { path: paths.executions(emu, workflow), query: { status: ["success", "fail"] }, date: at() });
    expect(res.status).toBe(400);
    expect(res.json().error_code).toBe("FSS.0400");
  });

  test("path segments are canonicalized decoded (':' space and unicode reach the handler: 404, not 401)", async () => {
    const res = await exchange(emu, { path: paths.execution(emu, "wf:demo test", "exé-ü1"), date: at() });
    expect(res.status).toBe(404);
    expect(res.json().error_code).toBe("FSS.0404");
  });

  test("a body is hashed from its exact bytes (the SDK's IAM GET sends {})", async () => {
    const res = await exchange(emu, { path: paths.iam, query: { name: "cn-north-4" }, body: "{}", headers: { "content-type": "application/json" }, date: at() });
    expect(res.status).toBe(200);
  });

  test("X-Sdk-Date within the 15-minute skew", async () => {
    expect((await getExecution(emu, workflow, executions.success, { date: at(-14 * 60_000) })).status).toBe(200);
    expect((await getExecution(emu, workflow, executions.success, { date: at(14 * 60_000) })).status).toBe(200);
  });

  test("temporary credentials with their signed token", async () => {
    expect((await getExecution(emu, workflow, executions.success, { credentials: TEMP, date: at() })).status).toBe(200);
  });
});

describe("rejects with 401 APIGW.0301", () => {
  test("a wrong secret key", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { credentials: { accessKey: emu.credentials.accessKey, secretKey: "wrong" }, date: at() }));
  });

  test("an unknown access key", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { credentials: { accessKey: "UNKNOWNAK", secretKey: "x" }, date: at() }));
  });

  test("a tampered path", async () => {
    const wire = paths.execution(emu, workflow, executions.fail);
    expect401(await getExecution(emu, workflow, executions.success, { wireUrl: wire, date: at() }));
  });

  test("a tampered query", async () => {
    const res = await exchange(emu, { path: paths.executions(emu, workflow), query: { limit: "5" }, wireUrl: `${paths.executions(emu, workflow)}?limit=6`, date: at() });
    expect401(res);
  });

  test("a tampered signed header", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { date: at(), tamper: (h) => void (h["x-project-id"] = "other") }));
  });

  test("a signature over a different body than the one sent", async () => {
    // Sign for "{}" but send "[]": same length, different bytes.
    const { signRequest } = await import("../../provider/api/signer");
    const host = `127.0.0.1:${emu.port}`;
    const signed = signRequest({ method: "GET", host, path: "/v3/projects", headers: { "content-type": "application/json" }, body: "{}" }, emu.credentials, at());
    const res = await exchange(emu, { path: "/v3/projects", credentials: null, headers: { "content-type": "application/json", ...signed.headers }, body: "[]" });
    expect401(res);
  });

  test("a missing or malformed Authorization header", async () => {
    expect401(await exchange(emu, { path: paths.execution(emu, workflow, executions.success), credentials: null }));
    expect401(await getExecution(emu, workflow, executions.success, { date: at(), tamper: (h) => void (h.Authorization = "Bearer abc") }));
    expect401(await getExecution(emu, workflow, executions.success, { date: at(), tamper: (h) => void (h.Authorization = h.Authorization!.replace("SDK-HMAC-SHA256", "AWS4-HMAC-SHA256")) }));
  });

  test("SignedHeaders without host or x-sdk-date", async () => {
    for (const name of ["host", "x-sdk-date"]) {
      const res = await getExecution(emu, workflow, executions.success, {
        date: at(),
        tamper: (h) => void (h.Authorization = h.Authorization!.replace(/SignedHeaders=([^,]+)/, (_m, list: string) => `SignedHeaders=${list.split(";").filter((n) => n !== name).join(";")}`)),
      });
      expect401(res);
      expect(emu.requests.at(-1)?.authFailure).toContain(`lacks ${name}`);
    }
  });

  test("a stale or future X-Sdk-Date, with the 'signature expired' message", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { date: at(-16 * 60_000) }), EXPIRED);
    expect401(await getExecution(emu, workflow, executions.success, { date: at(16 * 60_000) }), EXPIRED);
  });

  test("a malformed X-Sdk-Date, with the 'signature expired' message", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { date: at(), tamper: (h) => void (h["X-Sdk-Date"] = "2024-05-06T07:08:09Z") }), EXPIRED);
  });

  test("temporary credentials without, or with a wrong, security token", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { credentials: TEMP, date: at(), tamper: (h) => void delete h["X-Security-Token"] }));
    expect401(await getExecution(emu, workflow, executions.success, { credentials: { ...TEMP, securityToken: "other-token" }, date: at() }));
    expect401(await getExecution(emu, workflow, executions.success, { credentials: { accessKey: TEMP.accessKey, secretKey: TEMP.secretKey }, date: at() }));
  });

  test("a security token sent with a permanent credential", async () => {
    expect401(await getExecution(emu, workflow, executions.success, { credentials: { ...emu.credentials, securityToken: "tok" }, date: at() }));
  });

  test("the failure reason is exposed for debugging, the message stays the gateway's", async () => {
    const res = await getExecution(emu, workflow, executions.success, { credentials: { accessKey: emu.credentials.accessKey, secretKey: "wrong" }, date: at() });
    expect(res.headers["x-emulator-auth-failure"]).toBe("signature mismatch");
    expect(emu.requests.at(-1)?.authFailure).toMatch(/emulator canonical request: GET\|\/v2\//);
  });
});

describe("routing happens before authentication", () => {
  test("unknown path: 404 APIGW.0101 even unsigned", async () => {
    const res = await exchange(emu, { path: "/v2/nothing/here", credentials: null });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error_code: "APIGW.0101", request_id: res.headers["x-request-id"] });
  });

  test("known path, other method: 405 APIGW.0101", async () => {
    const res = await exchange(emu, { method: "PUT", path: paths.executions(emu, workflow), body: "{}", date: at() });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, POST");
    expect(res.json().error_code).toBe("APIGW.0101");
    const show = await exchange(emu, { method: "POST", path: paths.execution(emu, workflow, executions.success), body: "{}", date: at() });
    expect(show.status).toBe(405);
    expect(show.headers.allow).toBe("GET");
  });
});
