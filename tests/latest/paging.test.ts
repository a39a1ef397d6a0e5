/** The pager's stop rule (an empty page, nothing else), de-duplication, offset-ignored detection and page cap, without HTTP. */
import { pageThrough } from "../../provider/latest/paging";
import { isResponseValidationError } from "../../provider/errors";

const site = { method: "GET", path: "/v2/p/fgs/workflows/w/executions" };

/** A server over `n` items that honours offset and limit (capping pages at `cap`), recording the offsets asked for. */
function server(n: number, cap = Infinity) {
  const items = Array.from({ length: n }, (_, i) => `item-${i}`);
  const offsets: number[] = [];
  const fetch = async (offset: number, limit: number): Promise<string[]> => {
    offsets.push(offset);
    return items.slice(offset, offset + Math.min(limit, cap));
  };
  return { fetch, offsets };
}

function run(fetch: (o: number, l: number) => Promise<string[]>, limit = 200, maxPages = 1000) {
  const got: string[] = [];
  const stats = pageThrough<string>({
    limit,
    maxPages,
    fetch,
    key: (s) => s,
    onItem: (s) => got.push(s),
    site,
    tooMany: (pages, items) => new Error(`too many: ${pages} pages, ${items} items`),
  });
  return { got, stats };
}

describe("pageThrough", () => {
  test("reads on past a short page, to the empty one", async () => {
    const s = server(450);
    const { got, stats } = run(s.fetch);
    await expect(stats).resolves.toEqual({ pages: 4, items: 450 });
    expect(s.offsets).toEqual([0, 200, 400, 450]);
    expect(got).toHaveLength(450);
  });

  test("a server whose pages are smaller than asked is read to its end", async () => {
    const s = server(250, 100); // the server's own page size is 100
    const { got, stats } = run(s.fetch);
    await expect(stats).resolves.toEqual({ pages: 4, items: 250 });
    expect(s.offsets).toEqual([0, 100, 200, 250]);
    expect(new Set(got).size).toBe(250);
  });

  test("a short first page hides nothing: the items after it are still read", async () => {
    // A server that answers 3 items, then more on the next page (e.g. a page cut short by a filter).
    const pages: Record<number, string[]> = { 0: ["a", "b", "c"], 3: ["d"], 4: [] };
    const { got, stats } = run(async (offset) => pages[offset] ?? []);
    await expect(stats).resolves.toEqual({ pages: 3, items: 4 });
    expect(got).toEqual(["a", "b", "c", "d"]);
  });

  test("an empty list is one request", async () => {
    const s = server(0);
    await expect(run(s.fetch).stats).resolves.toEqual({ pages: 1, items: 0 });
  });

  test("items shifted across a page boundary are reported once", async () => {
    let calls = 0;
    const fetch = async (offset: number) => {
      calls++;
      // A new run inserted at the front after the first page pushes item-199 onto the second page.
      const list = calls === 1 ? Array.from({ length: 300 }, (_, i) => `item-${i}`) : ["new", ...Array.from({ length: 300 }, (_, i) => `item-${i}`)];
      return list.slice(offset, offset + 200);
    };
    const { got, stats } = run(fetch);
    await expect(stats).resolves.toEqual({ pages: 3, items: 300 });
    expect(got.filter((x) => x === "item-199")).toHaveLength(1);
  });

  test.each([200, 3])("a server that ignores offset (pages of %i) is an error, not an endless loop or a partial list", async (n) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return Array.from({ length: n }, (_, i) => `item-${i}`);
    };
    const err = await run(fetch).stats.catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect(String(err)).toMatch(/ignore offset/);
    expect(calls).toBe(3);
  });

  test("a page of only items already seen, because as many runs started as the page held, is not taken for an ignored offset", async () => {
    // Page 0 holds "old"; then "new" starts and sorts first, so the page at offset 1 shows "old" again.
    let calls = 0;
    const fetch = async (offset: number) => {
      calls++;
      const list = calls === 1 ? ["old"] : ["new", "old"];
      return list.slice(offset, offset + 1);
    };
    const { got, stats } = run(fetch, 1);
    await expect(stats).resolves.toEqual({ pages: 3, items: 1 });
    expect(got).toEqual(["old"]);
  });

  test("the page cap bounds the number of requests", async () => {
    let calls = 0;
    const fetch = async (offset: number) => {
      calls++;
      return Array.from({ length: 200 }, (_, i) => `item-${offset + i}`); // endless list
    };
    await expect(run(fetch, 200, 7).stats).rejects.toThrow("too many: 7 pages, 1400 items");
    expect(calls).toBe(7);
  });
});
