/** Throttling: a token bucket per access key on the emulator clock → 429 APIGW.0308 with Retry-After. */
import { DEMO_CREDENTIALS, SCENARIO_IDS, startEmulator, type RunningEmulator } from "../../emulator";
import { getExecution, manualClock } from "./helpers";

const OTHER = { accessKey: "SECONDAK000000000002", secretKey: "SecondSecretKeyForThrottleTests000000002" };
const clock = manualClock();
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, throttle: { ratePerSecond: 1, burst: 2 }, credentials: [DEMO_CREDENTIALS, OTHER] });
});
afterAll(() => emu.close());

const get = (credentials = DEMO_CREDENTIALS) =>
  getExecution(emu, SCENARIO_IDS.workflow, SCENARIO_IDS.executions.success, { credentials, date: new Date(clock.now()) });

test("burst, then 429 with Retry-After and the gateway message, then refill; buckets per key; reset refills", async () => {
  expect((await get()).status).toBe(200);
  expect((await get()).status).toBe(200);
  const limited = await get();
  expect(limited.status).toBe(429);
  expect(limited.headers["retry-after"]).toBe("1");
  expect(limited.json()).toEqual({
    error_code: "APIGW.0308",
    error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:1,time:1 second",
    request_id: limited.headers["x-request-id"],
  });
  // Another key has its own bucket.
  expect((await get(OTHER)).status).toBe(200);
  clock.advance(1_000);
  expect((await get()).status).toBe(200);
  expect((await get()).status).toBe(429);
  emu.reset();
  expect((await get()).status).toBe(200);
  expect((await get()).status).toBe(200);
});

test("unauthenticated requests do not consume tokens", async () => {
  emu.reset();
  for (let i = 0; i < 5; i++) {
    const res = await getExecution(emu, SCENARIO_IDS.workflow, SCENARIO_IDS.executions.success, { credentials: { ...DEMO_CREDENTIALS, secretKey: "bad" }, date: new Date(clock.now()) });
    expect(res.status).toBe(401);
  }
  expect((await get()).status).toBe(200);
});

test("Retry-After reflects the refill rate", async () => {
  const slow = await startEmulator({ now: clock.now, throttle: { ratePerSecond: 0.2, burst: 1 } });
  try {
    const hit = () => getExecution(slow, SCENARIO_IDS.workflow, SCENARIO_IDS.executions.success, { date: new Date(clock.now()) });
    expect((await hit()).status).toBe(200);
    const res = await hit();
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("5");
  } finally {
    await slow.close();
  }
});
