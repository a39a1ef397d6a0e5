/** The pager's stop rules, de-duplication, offset-ignored detection and page cap, without HTTP. */
import { pageThrough, type Page } from "../../provider/latest/paging";
import { isResponseValidationError } from "../../provider/errors";

const site = { method: "GET", path: "/v2/p/fgs/workflows/w/executions" };

/** A server over `n` items that honours offset and limit, recording the offsets asked for. */
function server(n: number, extra: Partial<Page<string>> = {}) {
  const items = Array.from({ length: n }, (_, i) => `item-${i}`);
  const offsets: number[] = [];
  const fetch = async (offset: number, limit: number): Promise<Page<string>> => {
    offsets.push(offset);
    return { items: items.slice(offset, offset + limit), ...extra };
  };
  return { fetch, offsets };
}

function run(fetch: (o: number, l: number) => Promise<Page<string>>, limit = 200, maxPages = 1000) {
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
  test("stops at a short page", async () => {
    const s = server(450);
    const { got, stats } = run(s.fetch);
    await expect(stats).resolves.toEqual({ pages: 3, items: 450 });
    expect(s.offsets).toEqual([0, 200, 400]);
    expect(got).toHaveLength(450);
  });

  test("a full last page needs one more (empty) request when there is no total", async () => {
    const s = server(400);
    await expect(run(s.fetch).stats).resolves.toEqual({ pages: 3, items: 400 });
    expect(s.offsets).toEqual([0, 200, 400]);
  });

  test("stops once total items were read", async () => {
    const s = server(400, { total: 400 });
    await expect(run(s.fetch).stats).resolves.toEqual({ pages: 2, items: 400 });
  });

  test("an empty list is one request", async () => {
    const s = server(0);
    await expect(run(s.fetch).stats).resolves.toEqual({ pages: 1, items: 0 });
  });

  test("a size equal to the item count costs one more request, never skips items", async () => {
    const items = Array.from({ length: 250 }, (_, i) => `i${i}`);
    const fetch = async (offset: number, limit: number) => {
      const page = items.slice(offset, offset + Math.min(limit, 100)); // the server's own page size is 100
      return { items: page, size: page.length };
    };
    const { got, stats } = run(fetch);
    await expect(stats).resolves.toEqual({ pages: 4, items: 250 });
    expect(new Set(got).size).toBe(250);
  });

  test("items shifted across a page boundary are reported once", async () => {
    let calls = 0;
    const fetch = async (offset: number) => {
      calls++;
      // A new run inserted at the front after the first page pushes item-199 onto the second page.
      const list = calls === 1 ? Array.from({ length: 300 }, (_, i) => `item-${i}`) : ["new", ...Array.from({ length: 300 }, (_, i) => `item-${i}`)];
      return { items: list.slice(offset, offset + 200) };
    };
    const { got, stats } = run(fetch);
    await expect(stats).resolves.toEqual({ pages: 2, items: 300 });
    expect(got.filter((x) => x === "item-199")).toHaveLength(1);
  });

  test("a server that ignores offset is an error, not an endless loop", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return { items: Array.from({ length: 200 }, (_, i) => `item-${i}`) };
    };
    const err = await run(fetch).stats.catch((e: unknown) => e);
    expect(isResponseValidationError(err)).toBe(true);
    expect(String(err)).toMatch(/ignore offset/);
    expect(calls).toBe(2);
  });

  test("the page cap bounds the number of requests", async () => {
    let calls = 0;
    const fetch = async (offset: number) => {
      calls++;
      return { items: Array.from({ length: 200 }, (_, i) => `item-${offset + i}`) }; // endless list
    };
    await expect(run(fetch, 200, 7).stats).rejects.toThrow("too many: 7 pages, 1400 items");
    expect(calls).toBe(7);
  });
});
