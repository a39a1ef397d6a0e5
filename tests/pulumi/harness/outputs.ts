/**
 * Reading `Output`s in tests: their value (including a rejection) and whether they are secret or known.
 * Uses the SDK's own promise accessors, which is how the SDK itself reads outputs.
 */
import type * as pulumi from "@pulumi/pulumi";

type Inspectable = { promise(withUnknowns?: boolean): Promise<unknown>; isSecret: Promise<boolean>; isKnown: Promise<boolean> };

/** The resolved value of an Output (rejects when the Output failed). */
export function valueOf<T>(o: pulumi.Output<T>): Promise<T> {
  return (o as unknown as Inspectable).promise() as Promise<T>;
}

/** True when the Output is secret. */
export function isSecret(o: pulumi.Output<unknown>): Promise<boolean> {
  return (o as unknown as Inspectable).isSecret;
}

/** True when the Output's value is known (false for unknowns during preview). */
export function isKnown(o: pulumi.Output<unknown>): Promise<boolean> {
  return (o as unknown as Inspectable).isKnown;
}

const noop = () => undefined;

/**
 * Marks the promises behind failed Outputs as handled. When an `apply` or a resource step fails, every
 * derived Output's `isKnown`/`isSecret` promise rejects too; in a Pulumi program those unhandled
 * rejections are what fails the run, but in Jest they would fail whichever test is running. Pass the
 * Outputs, or resources (all their Output properties are quieted).
 */
export function quiet(...items: unknown[]): void {
  for (const item of items) {
    const outputs = isOutput(item) ? [item] : Object.values(item as object).filter(isOutput);
    for (const o of outputs) {
      const i = o as unknown as Inspectable;
      i.promise().catch(noop);
      i.isKnown.catch(noop);
      i.isSecret.catch(noop);
    }
  }
}

function isOutput(v: unknown): v is pulumi.Output<unknown> {
  return typeof v === "object" && v !== null && (v as { __pulumiOutput?: boolean }).__pulumiOutput === true;
}
