/** The weakly held gathering buffer: reused by one read at a time, never shared by two. */
import { releaseScratch, takeScratch } from "../../provider/api/scratch";

test("a released buffer is reused by the next read that fits in it, and a held one is never handed out twice", () => {
  const a = takeScratch(64);
  const b = takeScratch(32); // a is in use: a buffer of its own
  expect(b).not.toBe(a);
  releaseScratch(b); // not the shared one: changes nothing
  expect(takeScratch(16)).not.toBe(a);
  releaseScratch(a);
  const c = takeScratch(48);
  expect(c).toBe(a);
  releaseScratch(c);
  const d = takeScratch(128); // too small: a new, larger buffer becomes the shared one
  expect(d).not.toBe(a);
  expect(d.length).toBeGreaterThanOrEqual(128);
  releaseScratch(d);
  expect(takeScratch(100)).toBe(d);
});
