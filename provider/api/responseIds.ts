/**
 * IDs that came back from the service (a discovered project, a workflow resolved from its name, the run
 * a lookup chose) are put into later request paths. They pass the same checks as IDs a user gives: a
 * `..` or `/` from a misbehaving server would otherwise change which resource the next request names.
 * A bad one is the service's fault, so it is a ResponseValidationError, not a ConfigurationError.
 */
import { isConfigurationError, ResponseValidationError, type RequestSite } from "../errors";

export function idFromResponse(
  value: unknown,
  check: (v: unknown) => string,
  where: RequestSite & { pointer: string },
): string {
  try {
    return check(value);
  } catch (e) {
    if (!isConfigurationError(e)) throw e;
    throw new ResponseValidationError(
      { method: where.method, path: where.path },
      [{ pointer: where.pointer, expected: "an ID that can be used in a request path" }],
      `the service returned an ID that cannot be used in a request path at ${where.pointer}: ${e.message}`,
    );
  }
}
