/** Injected faults: each kind does what its documentation says, on the attempts it is keyed to. */
import { SCENARIO_IDS, startEmulator, type RunningEmulator, type Scenario, type ScenarioFault } from "../../emulator";
import { getExecution } from "./helpers";

const { workflow, executions: X } = SCENARIO_IDS;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const get = (id: string, waitMs?: number) => getExecution(emu, workflow, id, { full: true, waitMs });

/** An emulator whose single execution `e` (a small success run) has the given faults. */
async function withFaults(faults: ScenarioFault[]): Promise<RunningEmulator> {
  const scenario: Scenario = {
    projectId: "p1",
    region: "cn-north-4",
    workflows: [
      {
        id: "w",
        name: "wf",
        executions: [
          {
            id: "e",
            status: "success",
            beginTime: "-2m",
            endTime: "-1m",
            output: { result: "passed" },
            nodes: [{ id: "n", name: "build", executions: [{ status: "success", beginTime: "-2m", endTime: "-1m", output: { ok: true } }] }],
            faults,
          },
        ],
      },
    ],
  };
  return startEmulator({ scenario });
}

async function once(faults: ScenarioFault[], waitMs?: number) {
  const small = await withFaults(faults);
  try {
    return { res: await getExecution(small, "w", "e", { waitMs }), log: [...small.requests] };
  } finally {
    await small.close();
  }
}

describe("status faults from the default scenario", () => {
  test("429 APIGW.0308 with Retry-After: 1 on attempt 1, then success", async () => {
    const first = await get(X.fault429);
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("1");
    expect(first.json()).toEqual({ error_code: "APIGW.0308", error_msg: expect.stringContaining("throttling threshold"), request_id: first.headers["x-request-id"] });
    const second = await get(X.fault429);
    expect(second.status).toBe(200);
    expect(second.json().status).toBe("success");
  });

  test("429 with an HTTP-date Retry-After", async () => {
    const res = await get(X.fault429HttpDate);
    expect(res.status).toBe(429);
    const at = Date.parse(res.headers["retry-after"] as string);
    expect(res.headers["retry-after"]).toMatch(/GMT$/);
    expect(at - Date.now()).toBeGreaterThan(0);
    expect(at - Date.now()).toBeLessThanOrEqual(2_000);
  });

  test("503 then success; 500, 502, 504 then success", async () => {
    expect((await get(X.fault503)).status).toBe(503);
    expect((await get(X.fault503)).status).toBe(200);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await get(X.faultFlaky)).status);
    expect(codes).toEqual([500, 502, 504, 200]);
  });

  test.each([
    [X.fault500, 500, "FSS.0500"],
    [X.fault501, 501, "FSS.0501"],
    [X.fault400, 400, "FSS.0400"],
    [X.fault401, 401, "APIGW.0301"],
    [X.fault403, 403, "APIGW.0302"],
  ])("%s answers %i %s every time, with request_id", async (id, status, code) => {
    for (const _ of [1, 2]) {
      const res = await get(id);
      expect(res.status).toBe(status);
      expect(res.json()).toMatchObject({ error_code: code, request_id: res.headers["x-request-id"] });
    }
  });
});

describe("status faults built in code", () => {
  test("404 has no request_id; overrides of code, message, body, content type and headers", async () => {
    const { res } = await once([{ attempts: "every", kind: "status", status: 404 }]);
    expect(res.json()).toEqual({ error_code: "FSS.0404", error_msg: expect.any(String) });
    const custom = await once([{ attempts: 1, kind: "status", status: 500, errorCode: "FSS.9999", errorMsg: "boom", headers: { "X-Extra": "1" } }]);
    expect(custom.res.json()).toMatchObject({ error_code: "FSS.9999", error_msg: "boom" });
    expect(custom.res.headers["x-extra"]).toBe("1");
    const raw = await once([{ attempts: 1, kind: "status", status: 502, body: "upstream said no", contentType: "text/plain" }]);
    expect(raw.res.text()).toBe("upstream said no");
    expect(raw.res.headers["content-type"]).toBe("text/plain");
  });

  test("the first matching rule wins; attempts arrays and 'every'", async () => {
    const small = await withFaults([
      { attempts: [2, 3], kind: "status", status: 500 },
      { attempts: "every", kind: "status", status: 503 },
    ]);
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await getExecution(small, "w", "e")).status);
      expect(codes).toEqual([503, 500, 500, 503]);
    } finally {
      await small.close();
    }
  });
});

describe("transport and body faults", () => {
  test("delay: the normal body after delayHeadersMs", async () => {
    const { res } = await once([{ attempts: 1, kind: "delay", delayHeadersMs: 300 }]);
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(290);
    expect(res.json().status).toBe("success");
  });

  test("delayHeadersMs combines with other kinds", async () => {
    const { res } = await once([{ attempts: 1, kind: "status", status: 503, delayHeadersMs: 200 }]);
    expect(res.status).toBe(503);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(190);
  });

  test("stallBody: headers with the full length, afterBytes of body, then nothing", async () => {
    const res = await get(X.faultStall, 400);
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(res.error).toBeUndefined();
    expect(res.body.length).toBe(64);
    expect(Number(res.headers["content-length"])).toBeGreaterThan(64);
  });

  test("truncatedJson: a complete 200 whose body is a prefix of the JSON", async () => {
    expect((await get(X.faultTruncated)).status).toBe(200);
    const small = await withFaults([{ attempts: 1, kind: "truncatedJson" }]);
    const res = await getExecution(small, "w", "e", { full: true });
    const normal = await getExecution(small, "w", "e", { full: true });
    await small.close();
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(() => res.json()).toThrow();
    expect(res.body.length).toBe(Math.floor(normal.body.length / 2));
    expect(normal.text().startsWith(res.text())).toBe(true);
  });

  test("htmlError: a 502 HTML page with text/html", async () => {
    const res = await get(X.faultHtml);
    expect(res.status).toBe(502);
    expect(res.headers["content-type"]).toBe("text/html");
    expect(res.text()).toMatch(/^<html>/);
  });

  test("emptyBody: 200 with nothing", async () => {
    const res = await get(X.faultEmpty);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(res.headers["content-length"]).toBe("0");
  });

  test("wrongContentType: the normal body as text/plain", async () => {
    const res = await get(X.faultContentType);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.json().status).toBe("success");
  });

  test("oversizeBody: valid JSON larger than minBytes (padding inside output)", async () => {
    const { res } = await once([{ attempts: 1, kind: "oversizeBody", minBytes: 100_000 }]);
    expect(res.body.length).toBeGreaterThan(100_000);
    const body = res.json();
    expect(body.output.result).toBe("passed");
    expect(body.output.padding.length).toBeGreaterThan(99_000);
  });

  test("the shipped oversize fault exceeds 20 MiB", async () => {
    const res = await get(X.faultOversize);
    expect(res.body.length).toBeGreaterThan(20 * 1024 * 1024);
  });

  test("resetBeforeResponse: ECONNRESET, no status; logged with status 0", async () => {
    const res = await get(X.faultReset);
    expect(res.status).toBeUndefined();
    expect(res.error?.code).toBe("ECONNRESET");
    expect(emu.requests.at(-1)).toMatchObject({ executionId: X.faultReset, status: 0 });
  });

  test("resetMidBody: headers and part of the body, then a reset", async () => {
    const res = await get(X.faultResetMidBody);
    expect(res.complete).toBe(false);
    expect(res.error?.code).toMatch(/ECONNRESET|ERR_STREAM_PREMATURE_CLOSE/);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(Number(res.headers["content-length"]));
  });

  test("closeWithoutResponse: the socket ends with nothing", async () => {
    const res = await get(X.faultClose);
    expect(res.status).toBeUndefined();
    expect(res.error?.message).toMatch(/socket hang up/);
  });

  test("redirect: 302 to another host, same path", async () => {
    const res = await get(X.faultRedirect);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`http://127.0.0.2:${emu.port}/v2/${emu.projectId}/fgs/workflows/${workflow}/executions/${X.faultRedirect}`);
    const custom = await once([{ attempts: 1, kind: "redirect", status: 307, location: "http://example.invalid/x" }]);
    expect(custom.res.status).toBe(307);
    expect(custom.res.headers.location).toBe("http://example.invalid/x");
  });

  test("a reset on attempt 1 only, then success", async () => {
    expect((await get(X.faultResetOnce)).error?.code).toBe("ECONNRESET");
    expect((await get(X.faultResetOnce)).status).toBe(200);
  });
});

test("close() ends stalled responses and pending delays at once", async () => {
  const small = await withFaults([
    { attempts: 1, kind: "stallBody", afterBytes: 10 },
    { attempts: 2, kind: "delay", delayHeadersMs: 60_000 },
  ]);
  const stalled = getExecution(small, "w", "e", { waitMs: 20_000 });
  await new Promise((r) => setTimeout(r, 100));
  const delayed = getExecution(small, "w", "e", { waitMs: 20_000 });
  await new Promise((r) => setTimeout(r, 100));
  const started = Date.now();
  await small.close();
  const [a, b] = await Promise.all([stalled, delayed]);
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(a.complete).toBe(false);
  expect(b.status).toBeUndefined();
  expect(a.elapsedMs).toBeLessThan(5_000);
  expect(b.elapsedMs).toBeLessThan(5_000);
});
