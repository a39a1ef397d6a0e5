/**
 * The buffer a large body's bytes are gathered in, reused from one read to the next while the garbage
 * collector has not reclaimed it. A 7.8 MB body needs a 7.8 MB buffer; allocating a fresh one per read
 * left each dead one outside V8's heap until a collection happened to free it, and four reads in a row
 * held about 17 MB more than one. The buffer is held only weakly, so an idle process does not keep it,
 * and by one read at a time: a read that overlaps another gets a buffer of its own.
 */
let cached: WeakRef<Buffer> | undefined;
let inUse = false;

/** A buffer of at least `size` bytes (contents undefined); give it back with `releaseScratch` once read. */
export function takeScratch(size: number): Buffer {
  if (!inUse) {
    const b = cached?.deref();
    if (b !== undefined && b.length >= size) {
      inUse = true;
      return b;
    }
  }
  const fresh = Buffer.allocUnsafeSlow(size);
  if (!inUse) {
    cached = new WeakRef(fresh);
    inUse = true;
  }
  return fresh;
}

/** Ends a read's use of a buffer from `takeScratch`: the next read may reuse it. */
export function releaseScratch(buffer: Buffer): void {
  if (cached?.deref() === buffer) inUse = false;
}
