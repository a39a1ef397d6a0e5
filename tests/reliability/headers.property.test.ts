/**
 * Header values can never inject a header. The security token and the access key are the only
 * caller-supplied values that travel in headers (X-Security-Token, Authorization), besides the project
 * ID (X-Project-Id, covered with the other settings); whatever they contain, the request carries exactly
 * the expected header set with exactly the given values, or nothing is sent and the error does not echo
 * the value. The secret key is only an HMAC key: it may contain anything and never travels.
 */
import fc from "fast-check";
import { isConfigurationError, isFunctionGraphApiError } from "../../provider/errors";
import type { RunningEmulator } from "../../emulator";
import { hostileString, mixed } from "./support/arbitraries";
import { CANARY, errorTexts } from "./support/canary";
import { RUNS } from "./support/counts";
import { INPUT_PROJECT, readOnce, startInputEmulator } from "./support/readOnce";
import { headerProblems } from "./support/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startInputEmulator();
});
afterAll(() => emu?.close());

/** True when `value` is long and distinctive enough that finding it in a text cannot be a coincidence. */
function distinctive(value: string): boolean {
  return value.trim().length >= 12 && /[^a-z ]/i.test(value) && new Set(value).size >= 4;
}

function expectNotEchoed(error: unknown, value: string) {
  if (!distinctive(value)) return;
  for (const text of errorTexts(error)) expect(text.includes(value)).toBe(false);
}

const CRLF_TOKENS = ["tok\r\nX-Injected: 1", "tok\nX-Injected: 1", "tok\rX", "\r\n", "tok\u0000", "tok\u2028x", "tok x"];

test(`security tokens of every shape (${RUNS.securityToken} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, sent: 0 };
  const clean = fc.oneof(fc.constant(CANARY.securityToken), fc.stringMatching(/^[\x21-\x7e]{1,200}$/));
  await fc.assert(
    fc.asyncProperty(fc.oneof(mixed(clean), clean, fc.constantFrom(...CRLF_TOKENS)), async (securityToken) => {
      runs++;
      const o = await readOnce(emu, { credentials: { accessKey: CANARY.accessKey, secretKey: CANARY.secretKey, securityToken } });
      if (isConfigurationError(o.error)) {
        expect(o.error.setting).toBe("securityToken");
        expect(o.sent).toHaveLength(0);
        expectNotEchoed(o.error, securityToken);
        seen.refused++;
        return;
      }
      seen.sent++;
      // A line break, NUL or anything outside Latin-1 can never be sent in a header.
      expect(securityToken).not.toMatch(/[\r\n\u0000]|[^\u0000-\u00ff]/);
      expect(o.sent).toHaveLength(1);
      const sentToken = securityToken === "" ? undefined : securityToken;
      expect(headerProblems(o.sent[0], { accessKey: CANARY.accessKey, projectId: INPUT_PROJECT, securityToken: sentToken })).toEqual([]);
      if (securityToken === CANARY.securityToken) expect(o.result?.succeeded).toBe(true);
      else expect(o.error).toMatchObject({ httpStatus: 401 });
    }),
    { numRuns: RUNS.securityToken },
  );
  expect(runs).toBe(RUNS.securityToken);
  // The smaller side averages 141 of 300 (sd 6, over 400 simulated runs): far from the bound.
  expect(Math.min(seen.refused, seen.sent)).toBeGreaterThan(RUNS.securityToken * 0.1);
});

test("a security token with CR/LF is refused before any request", async () => {
  for (const securityToken of CRLF_TOKENS) {
    const o = await readOnce(emu, { credentials: { ...CANARY, securityToken } });
    expect([JSON.stringify(securityToken), isConfigurationError(o.error)]).toEqual([JSON.stringify(securityToken), true]);
    expect(o.sent).toHaveLength(0);
  }
});

test(`access keys of every shape (${RUNS.accessKey} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, sent: 0 };
  const clean = fc.oneof(fc.constant(CANARY.accessKey), fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/));
  const injections = fc.constantFrom("AK, SignedHeaders=host", "AK\r\nX-Injected: 1", "AK=", "AK ");
  await fc.assert(
    fc.asyncProperty(fc.oneof(mixed(clean), clean, injections), async (accessKey) => {
      runs++;
      const o = await readOnce(emu, { credentials: { accessKey, secretKey: CANARY.secretKey, securityToken: CANARY.securityToken } });
      if (isConfigurationError(o.error)) {
        expect(["accessKey", "credentials"]).toContain(o.error.setting);
        expect(o.sent).toHaveLength(0);
        expectNotEchoed(o.error, accessKey);
        seen.refused++;
        return;
      }
      seen.sent++;
      // It sits inside Authorization: nothing that could end the header or the Access= field.
      expect(accessKey).toMatch(/^[^\s,=;\u0000-\u001f\u007f-\uffff]+$/);
      expect(o.sent).toHaveLength(1);
      expect(headerProblems(o.sent[0], { accessKey, projectId: INPUT_PROJECT, securityToken: CANARY.securityToken })).toEqual([]);
      if (accessKey === CANARY.accessKey) expect(o.result?.succeeded).toBe(true);
      else expect(o.error).toMatchObject({ httpStatus: 401 });
    }),
    { numRuns: RUNS.accessKey },
  );
  expect(runs).toBe(RUNS.accessKey);
  // Clean keys get a branch of their own: with only mixed(), about 16% were sent, and the bound below
  // failed about 1 run in 200. Now the smaller side averages 89 of 200 (sd 6, over 400 simulated runs).
  expect(Math.min(seen.refused, seen.sent)).toBeGreaterThan(RUNS.accessKey * 0.1);
});

test(`secret keys of every shape never travel (${RUNS.secretKey} runs)`, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(hostileString, fc.constant(CANARY.secretKey)), async (secretKey) => {
      runs++;
      const o = await readOnce(emu, { credentials: { accessKey: CANARY.accessKey, secretKey, securityToken: CANARY.securityToken } });
      if (isConfigurationError(o.error)) {
        expect(secretKey.length === 0 || secretKey.length > 1024).toBe(true);
        expect(o.sent).toHaveLength(0);
        expectNotEchoed(o.error, secretKey);
        return;
      }
      expect(o.sent).toHaveLength(1);
      const [req] = o.sent;
      expect(headerProblems(req, { accessKey: CANARY.accessKey, projectId: INPUT_PROJECT, securityToken: CANARY.securityToken })).toEqual([]);
      if (distinctive(secretKey)) expect(JSON.stringify(req).includes(secretKey)).toBe(false);
      if (secretKey === CANARY.secretKey) expect(o.result?.succeeded).toBe(true);
      else {
        // A wrong key is a signature mismatch (401, not retried), reported without the key.
        expect(isFunctionGraphApiError(o.error)).toBe(true);
        expect(o.error).toMatchObject({ httpStatus: 401, attempts: 1 });
        expectNotEchoed(o.error, secretKey);
      }
    }),
    { numRuns: RUNS.secretKey },
  );
  expect(runs).toBe(RUNS.secretKey);
});
