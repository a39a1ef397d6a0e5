/**
 * Reading an `Output` in a test: Pulumi's `apply` never calls back when the Output failed, so a test of a
 * failing gate could not see the error that way.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * The value of an Output, or its error (e.g. the gate's message when a gate resource or Output function
 * failed). Resolves to `undefined` for a value unknown during a preview.
 */
export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  // `promise()` is internal to the SDK's typings but is how the SDK itself reads an Output.
  return (output as unknown as { promise(): Promise<T> }).promise();
}
