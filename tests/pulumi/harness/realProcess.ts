/**
 * The real Node `process` object. A Jest test file sees a copy of `process` whose event listeners never
 * fire for process-level events (`exit`, `unhandledRejection`); those are emitted on the real object.
 * `Buffer` is shared with the outer realm, so its `Function` constructor evaluates code there.
 */
export function realProcess(): NodeJS.Process {
  return (Buffer.constructor as FunctionConstructor)("return process")() as NodeJS.Process;
}
