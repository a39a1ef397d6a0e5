/** Credentials are scrubbed from every value of a body as it is read, however the server encodes them. */
import * as util from "node:util";
import { callApi, DEFAULT_POLICY } from "../../provider/api/client";
import { oneLine, safeLine, makeScrubber } from "../../provider/api/redact";
import { scrubValue } from "../../provider/api/scrubValue";
import { rawServer, type RawServer } from "./support/rawServer";

const credentials = { accessKey: "AKEXAMPLE0000000001", secretKey: "SKsecretsecretsecretsecret0001", securityToken: "TOKEN-" + "x".repeat(300) };
const scrub = makeScrubber(credentials);

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test("a credential in a key, a string or a number is replaced; a clean value is the same object", () => {
  const clean = { a: [1, "b", { c: null }] };
  expect(scrubValue(clean, scrub)).toBe(clean);
  const dirty = { [credentials.secretKey]: [`x${credentials.securityToken}y`], n: 42 };
  expect(JSON.stringify(scrubValue(dirty, scrub))).toBe('{"[redacted]":["x[redacted]y"],"n":42}');
  const numeric = makeScrubber({ accessKey: "12345678", secretKey: "zzzz" });
  expect(scrubValue({ id: 1234567890 }, numeric)).toEqual({ id: "[redacted]90" });
});

test("a __proto__ key stays data when its value is scrubbed", () => {
  const body = JSON.parse(`{"__proto__":{"polluted":"${credentials.secretKey}"}}`) as object;
  const out = scrubValue(body, scrub) as Record<string, unknown>;
  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  expect(Object.keys(out)).toEqual(["__proto__"]);
  expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"[redacted]"}}');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("text is scrubbed before it is cut: no prefix of the token survives a short line", () => {
  const line = safeLine(`error: ${credentials.securityToken} rest`, scrub, 128);
  expect(line).toBe("error: [redacted] rest");
  expect(line).not.toContain("TOKEN-");
});

test("control characters, C1, bidi overrides and line separators never survive a line", () => {
  const hostile = "rq-1\n::error::x\r\u001b[31m\u009b2J\u202e\u2066\u2028\u0085end";
  const out = oneLine(hostile);
  expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  expect(out.startsWith("rq-1 ::error::x")).toBe(true);
});

test("a body echoing credentials, escaped or plain, reaches the caller scrubbed", async () => {
  const escapedToken = [...credentials.securityToken].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  const body = `{"projects":[{"id":"p1","name":"cn-north-4","echo":"${escapedToken}","k":"${credentials.secretKey}"}]}`;
  server = await rawServer((s) => s.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: ${credentials.secretKey}\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
  const r = await callApi({ base: new URL(server.url), method: "GET", segments: ["v3", "projects"], kind: "iamProjects" }, credentials, DEFAULT_POLICY);
  const seen = util.inspect(r, { depth: 20 }) + JSON.stringify(r);
  for (const secret of [credentials.secretKey, credentials.securityToken, credentials.securityToken.slice(0, 40)]) expect(seen).not.toContain(secret);
  expect(r.requestId).toBe("[redacted]");
});
