/**
 * When a read fails, the SDK rejects not only an Output's value but also its `isKnown` and `isSecret`
 * promises, each an unhandled rejection of its own, even when the caller awaits and catches the value.
 * These helpers mark the redundant ones handled, so that a failure is reported once.
 */
import * as pulumi from "@pulumi/pulumi";

const noop = () => undefined;

/** Both promises are internal to the SDK's typings but present on every Output. */
type OutputPromises = { isKnown: Promise<boolean>; isSecret: Promise<boolean> };

/** Keeps only the Output's value rejection: the one error a program reports (or a caller catches). */
export function quietMetadata<T>(o: pulumi.Output<T>): pulumi.Output<T> {
  const inner = o as unknown as OutputPromises;
  inner.isKnown.catch(noop);
  inner.isSecret.catch(noop);
  return o;
}

/**
 * For a resource, whose every output property fails with its step: one rejection is kept, on `urn`,
 * the single error Pulumi reports, which still fails a program or a unit test that never looks at the
 * resource.
 */
export function keepOneRejection(resource: pulumi.Resource): void {
  for (const [key, value] of Object.entries(resource)) {
    if (!pulumi.Output.isInstance(value)) continue;
    const inner = value as unknown as OutputPromises;
    if (key !== "urn") inner.isKnown.catch(noop);
    inner.isSecret.catch(noop);
  }
}
