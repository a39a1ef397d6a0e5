/** The one rule for what a wait reads again after (issue 15), and issue 14 class 4 inside a wait. */
import { FunctionGraphApiError, TransportError, type TransportErrorKind } from "../../provider/errors";
import { isTransientFailure } from "../../provider/gate/transient";

const site = { method: "GET", path: "/v2/p/fgs/workflows/w/executions/e" };
/** A transport error; `httpStatus` as the client sets it when a status line arrived before the failure. */
const transport = (kind: TransportErrorKind, httpStatus?: number) =>
  Object.assign(new TransportError(kind, site, 1, "x"), httpStatus === undefined ? {} : { httpStatus });
const api = (httpStatus: number) => new FunctionGraphApiError({ ...site, httpStatus, attempts: 1 } as never);

test.each(["network", "timeout", "deadline"] as const)("a %s failure with no status line is transient", (kind) => {
  expect(isTransientFailure(transport(kind))).toBe(true);
});

test.each(["aborted", "body-too-large", "redirect"] as const)("%s is not", (kind) => {
  expect(isTransientFailure(transport(kind))).toBe(false);
});

test.each([401, 403, 404, 400, 501])("a body cut off after HTTP %i is not: the status decides, as for the client's retries", (status) => {
  expect(isTransientFailure(transport("network", status))).toBe(false);
});

test.each([200, 429, 500, 503])("a body cut off after HTTP %i is", (status) => {
  expect(isTransientFailure(transport("network", status))).toBe(true);
});

test.each([
  [408, true],
  [429, true],
  [503, true],
  [401, false],
  [404, false],
  [501, false],
])("an API error %i: transient %p", (status, expected) => {
  expect(isTransientFailure(api(status))).toBe(expected);
});

test("anything else is not", () => {
  expect(isTransientFailure(new Error("boom"))).toBe(false);
  expect(isTransientFailure(undefined)).toBe(false);
});
