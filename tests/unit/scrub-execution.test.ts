/** scrubNodeErrors: credentials in a node's error are replaced wherever they sit, and nothing else changes. */
import { makeScrubber, scrubberFor } from "../../provider/api/redact";
import { scrubNodeErrors } from "../../provider/api/scrubExecution";
import type { JsonObject, WorkflowExecution } from "../../provider/model/types";

function runWithError(errorMessage: JsonObject | undefined): WorkflowExecution {
  const execution = { status: "fail", ...(errorMessage === undefined ? {} : { errorMessage, error: "unrendered" }) };
  return { nodes: [{ nodeId: "n", nodeName: "n", executionId: "e", executions: [execution] }] } as unknown as WorkflowExecution;
}

const first = (w: WorkflowExecution) => w.nodes[0]?.executions[0] as { errorMessage?: JsonObject; error?: string };

test("a secret that JSON would escape is still found and redacted, in values and in keys", () => {
  const credentials = { accessKey: "AK-plain-0001", secretKey: 'sk"with\\quote\nand-newline' };
  const run = runWithError({ error_msg: `bad signature for ${credentials.secretKey}`, [`key ${credentials.secretKey}`]: null, nested: [{ deep: credentials.accessKey }] });
  const e = first(scrubNodeErrors(run, makeScrubber(credentials)));
  expect(e.errorMessage).toEqual({ error_msg: "bad signature for [redacted]", "key [redacted]": null, nested: [{ deep: "[redacted]" }] });
  expect(e.error).toBe("bad signature for [redacted]");
});

test("a numeric access key echoed as a number becomes the redacted text instead of breaking the result", () => {
  const credentials = { accessKey: "12345678", secretKey: "secret-value" };
  const e = first(scrubNodeErrors(runWithError({ code: 9912345678, other: 42 }), makeScrubber(credentials)));
  expect(e.errorMessage).toEqual({ code: "99[redacted]", other: 42 });
});

test("an error without credentials is left as it is, the same objects and the same rendering", () => {
  const message = { error_code: "FSS.1051", error_msg: "boom", list: [1, "two", { three: null }] };
  const run = runWithError(message);
  const e = first(scrubNodeErrors(run, makeScrubber({ accessKey: "AK-plain-0001", secretKey: "secret-value" })));
  expect(e.errorMessage).toBe(message);
  expect(e.error).toBe("unrendered");
  expect(first(scrubNodeErrors(runWithError(undefined), makeScrubber({ accessKey: "AK-plain-0001", secretKey: "x" }))).errorMessage).toBeUndefined();
});

test("one scrubber per credentials object, and it follows a change made to that object", () => {
  const credentials = { accessKey: "AK-first-0001", secretKey: "secret-first" };
  const scrub = scrubberFor(credentials);
  expect(scrubberFor(credentials)).toBe(scrub);
  expect(scrubberFor({ ...credentials })).not.toBe(scrub);
  expect(scrub("x secret-first y")).toBe("x [redacted] y");
  credentials.secretKey = "secret-second";
  expect(scrub("x secret-second y secret-first")).toBe("x [redacted] y secret-first");
});
