/**
 * Project IDs, regions and endpoints of every shape: refused before any request with a
 * ConfigurationError naming the setting, or used exactly as given. The project ID travels in the path
 * and in X-Project-Id; the region only in the IAM discovery query; the endpoint decides where signed
 * requests go, and credentials must never go over plain HTTP to anything but a loopback host.
 */
import fc from "fast-check";
import { isConfigurationError, isFunctionGraphApiError, isFunctionGraphGateError } from "../../provider/errors";
import type { FetchLike } from "../../provider/api/http";
import { clearProjectCache } from "../../provider/config/projects";
import { getWorkflowExecution } from "../../provider/getWorkflowExecution";
import type { RunningEmulator } from "../../emulator";
import { hostileString, mixed, piece } from "./support/arbitraries";
import { CANARY } from "./support/canary";
import { RUNS } from "./support/counts";
import { isolatedContext } from "./support/faultWorld";
import { INPUT_EXECUTION, INPUT_PROJECT, readOnce, startInputEmulator } from "./support/readOnce";
import { headerProblems, pathIsClean } from "./support/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startInputEmulator();
});
afterAll(() => emu?.close());

test(`project IDs of every shape (${RUNS.projectId} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, sent: 0 };
  await fc.assert(
    fc.asyncProperty(mixed(fc.oneof(fc.constant(INPUT_PROJECT), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/))), async (projectId) => {
      runs++;
      const o = await readOnce(emu, { projectId });
      if (isConfigurationError(o.error)) {
        expect(/^[A-Za-z0-9_-]{1,64}$/.test(projectId)).toBe(false);
        expect(o.error.setting).toBe("projectId");
        expect(o.sent).toHaveLength(0);
        seen.refused++;
        return;
      }
      seen.sent++;
      // It goes into a header as well as the path: printable ASCII without any path syntax, or refused.
      expect(projectId).toMatch(/^[\x21-\x7e]{1,64}$/);
      expect(projectId).not.toMatch(/[/?#%\\]|^\.\.?$/);
      expect(o.sent).toHaveLength(1);
      const [req] = o.sent;
      expect(pathIsClean(req.path)).toBe(true);
      expect(decodeURIComponent(req.path.split("/")[2])).toBe(projectId);
      expect(headerProblems(req, { accessKey: CANARY.accessKey, projectId, securityToken: CANARY.securityToken })).toEqual([]);
      if (projectId === INPUT_PROJECT) expect(o.result?.status).toBe("success");
      else expect(o.error).toMatchObject({ httpStatus: 404, errorCode: "FSS.0404" });
    }),
    { numRuns: RUNS.projectId },
  );
  expect(runs).toBe(RUNS.projectId);
  expect(Math.min(seen.refused, seen.sent)).toBeGreaterThan(RUNS.projectId * 0.1);
});

const KNOWN_REGIONS = ["cn-north-4", "eu-west-101", "ap-southeast-1", "cn-east-3", "la-south-2", "af-south-1"];

test(`regions of every shape, through IAM project discovery (${RUNS.region} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, sent: 0 };
  await fc.assert(
    fc.asyncProperty(fc.oneof(mixed(fc.constantFrom(...KNOWN_REGIONS)), fc.constantFrom(...KNOWN_REGIONS)), async (region) => {
      runs++;
      clearProjectCache();
      const o = await readOnce(emu, { projectId: undefined, region });
      if (o.sent.length === 0) {
        expect(isConfigurationError(o.error)).toBe(true);
        expect((o.error as { setting?: string }).setting).toBe("region");
        expect(KNOWN_REGIONS).not.toContain(region);
        seen.refused++;
        return;
      }
      seen.sent++;
      // Sent: only as the IAM query, verbatim, and only if it is plain printable ASCII.
      expect(region).toMatch(/^[\x21-\x7e]+$/);
      const [iam] = o.sent;
      expect(iam.route).toBe("iamProjects");
      expect(iam.query).toEqual({ name: region });
      expect(headerProblems(iam, { accessKey: CANARY.accessKey, securityToken: CANARY.securityToken })).toEqual([]);
      if (region === "cn-north-4") {
        expect(o.result?.executionId).toBe(INPUT_EXECUTION);
        expect(o.sent).toHaveLength(2);
        expect(o.sent[1].path.split("/")[2]).toBe(INPUT_PROJECT);
      } else {
        // No project or two projects of that name: a ConfigurationError after the one lookup, nothing created.
        expect(isConfigurationError(o.error)).toBe(true);
        expect((o.error as Error).message).toMatch(region === "eu-west-101" ? /2 IAM projects/ : /No IAM project named/);
        expect(o.sent).toHaveLength(1);
      }
    }),
    { numRuns: RUNS.region },
  );
  expect(runs).toBe(RUNS.region);
  // The smaller side averages 75 of 200 (sd 7, over 400 simulated runs): far from the bound.
  expect(Math.min(seen.refused, seen.sent)).toBeGreaterThan(RUNS.region * 0.1);
});

/** Endpoints assembled from parts that have fooled URL checks, or any hostile string. */
const endpointArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom("http://", "https://", "HTTPS://", "Http://", "ftp://", "file://", "ws://", "javascript:", "", "//", "http:/", "https:///", "http:\\\\"),
        fc.constantFrom("", "", "", "user@", "user:pw@", `${CANARY.accessKey}@`, ":@"),
        fc.constantFrom(
          "127.0.0.1", "localhost", "LOCALHOST", "[::1]", "127.0.0.2", "127.1", "0x7f.0.0.1", "2130706433", "127.0.0.1.", "localhost.",
          "example.com", "functiongraph.cn-north-4.myhuaweicloud.com", "127.0.0.1.nip.io", "localhost.evil.example", "evil.example\\@127.0.0.1",
          "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]", "ｅｘａｍｐｌｅ.com", "例え.jp", "", "%31%32%37.0.0.1", "a b", "xn--",
        ),
        fc.constantFrom("", "", ":1", ":443", ":9000", ":65535", ":65536", ":-1", ":abc"),
        fc.constantFrom("", "", "/", "/prefix", "/a/../b", "/%2e%2e", "/%zz", "/%", "/a%2Fb", "/ü", "/\r\n", "/\u0000", "//", "/a b"),
        fc.constantFrom("", "", "", "?", "?a=b", "#", "#frag", " ", "\t", "\n"),
      )
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 4 }).map((p) => `https://${p.join("")}`) },
  // Well-formed endpoints with unusual parts, so the accepting branch is taken often enough to count.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("https://", "HTTPS://", "http://"),
        fc.constantFrom("127.0.0.1", "localhost", "[::1]", "127.0.0.2", "functiongraph.cn-north-4.myhuaweicloud.com", "例え.jp"),
        fc.constantFrom("", ":1", ":443", ":65535"),
        fc.constantFrom("", "/", "/prefix", "/a/../b", "/%2e%2e", "/a%2Fb", "/ü", "//"),
      )
      .map((parts) => parts.join("")),
  },
);

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** What the documented rules say must be refused (the library may refuse more, never less). */
function endpointMustBeRefused(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return true;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return true;
  if (url.protocol === "http:" && !isLoopback(url.hostname)) return true;
  return url.username !== "" || url.password !== "" || value.includes("?") || value.includes("#") || value.length > 2048;
}

test(`endpoints of every shape: refused, or every signed request goes exactly there (${RUNS.endpoint} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, used: 0 };
  await fc.assert(
    fc.asyncProperty(endpointArb, async (endpoint) => {
      runs++;
      // No network at all: the transport is replaced, and records where each request would have gone.
      const calls: { url: string; headers: Record<string, string> }[] = [];
      const fetch: FetchLike = async (url, init) => {
        calls.push({ url, headers: init.headers });
        return { status: 404, headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? "application/json" : null) }, body: [Buffer.from('{"error_code":"FSS.0404","error_msg":"no"}')] };
      };
      let error: unknown;
      try {
        await getWorkflowExecution(
          { endpoint, projectId: INPUT_PROJECT, workflowId: "w", executionId: "e", credentials: { ...CANARY }, maxRetries: 0 },
          isolatedContext([], { policy: { fetch } }),
        );
      } catch (e) {
        error = e;
      }
      // Whatever happens, it is one of the library's own errors, never a raw TypeError or URIError.
      expect(isFunctionGraphGateError(error)).toBe(true);
      if (isConfigurationError(error)) {
        expect(error.setting).toBe("endpoint");
        expect(calls).toHaveLength(0);
        seen.refused++;
        return;
      }
      seen.used++;
      expect(endpointMustBeRefused(endpoint)).toBe(false);
      expect(isFunctionGraphApiError(error)).toBe(true);
      expect(calls).toHaveLength(1);
      const sent = new URL(calls[0].url);
      const given = new URL(endpoint);
      expect(sent.protocol === "https:" || (sent.protocol === "http:" && isLoopback(sent.hostname))).toBe(true);
      expect(sent.host).toBe(given.host);
      expect(sent.username + sent.password).toBe("");
      expect(sent.search + sent.hash).toBe("");
      // The endpoint's own path (normalized by the URL parser) is kept as a prefix; what the library adds is clean.
      expect(sent.pathname).toBe(`${given.pathname.replace(/\/+$/, "")}/v2/${INPUT_PROJECT}/fgs/workflows/w/executions/e`);
    }),
    { numRuns: RUNS.endpoint },
  );
  expect(runs).toBe(RUNS.endpoint);
  expect(seen.refused).toBeGreaterThan(RUNS.endpoint * 0.2);
  // Used averages 191 of 1000 (sd 12, over 60 simulated runs); refused about 809.
  expect(seen.used).toBeGreaterThan(RUNS.endpoint * 0.05);
});

test("an endpoint path with a malformed percent escape is a ConfigurationError, not a URIError", async () => {
  for (const endpoint of ["http://127.0.0.1:9/%zz", "https://functiongraph.example/%", "https://functiongraph.example/%E0%A4%A"]) {
    const error = await getWorkflowExecution(
      { endpoint, projectId: INPUT_PROJECT, workflowId: "w", executionId: "e", credentials: { ...CANARY } },
      isolatedContext([], { policy: { fetch: async () => Promise.reject(new Error("must not be called")) } }),
    ).catch((e: unknown) => e);
    expect([endpoint, (error as Error).name, (error as { setting?: string }).setting]).toEqual([endpoint, "ConfigurationError", "endpoint"]);
  }
});

/** Runs of the duration property below (durations are cheap: nothing is sent). */
const DURATION_RUNS = 300;

/** Seconds of every shape: NaN, infinities, negatives, 0, tiny, around the 2^31 ms bound, huge. */
const secondsArb = fc.oneof(
  { weight: 2, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.double({ min: 0.001, max: 2147483, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 2147483, max: 3e6, noNaN: true }) },
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 0.0004, 0.001, 2147483, 2147483.4, 2147483.647, 2 ** 31 / 1000, 1e7, Number.MAX_VALUE),
);

test(`request durations of every shape: refused by name unless finite, at least 1 ms and under 2^31 ms (${DURATION_RUNS} runs)`, async () => {
  let runs = 0;
  const seen = { refused: 0, used: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("requestTimeoutSeconds", "deadlineSeconds"), secondsArb, async (setting, value) => {
      runs++;
      let calls = 0;
      const fetch: FetchLike = async () => {
        calls++;
        return { status: 404, headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? "application/json" : null) }, body: [Buffer.from('{"error_code":"FSS.0404","error_msg":"no"}')] };
      };
      const error = await getWorkflowExecution(
        { endpoint: "https://functiongraph.example", projectId: INPUT_PROJECT, workflowId: "w", executionId: "e", credentials: { ...CANARY }, maxRetries: 0, [setting]: value },
        isolatedContext([], { policy: { fetch } }),
      ).catch((e: unknown) => e);
      const valid = Number.isFinite(value) && value >= 0.001 && value <= 2147483;
      if (isConfigurationError(error)) {
        expect(valid).toBe(false);
        expect(error.setting).toBe(setting);
        expect(error.message).toContain(setting);
        expect(calls).toBe(0);
        seen.refused++;
        return;
      }
      expect(valid).toBe(true);
      expect(isFunctionGraphApiError(error)).toBe(true);
      seen.used++;
    }),
    { numRuns: DURATION_RUNS },
  );
  expect(runs).toBe(DURATION_RUNS);
  expect(Math.min(seen.refused, seen.used)).toBeGreaterThan(DURATION_RUNS * 0.1);
});
