/**
 * Offset paging shared by the two list APIs. The APIs document `limit` and `offset` but no sort order
 * and (for executions) no total, so the pager trusts nothing the server says about the list's length:
 * - it stops only at an empty page. `total`, `size` and a page shorter than asked are not stop signals:
 *   a server may cap its pages below `limit`, and a wrong `total` must not hide the newest run;
 * - items are de-duplicated by key, since runs starting during the scan can shift items across a page
 *   boundary (the same item then appears twice, which is harmless; a page can even hold only items
 *   already seen, when as many runs started as the last page held);
 * - two non-empty pages in a row made only of items already seen mean the server ignores `offset` (a list
 *   that merely shifted brings new items or ends by the next request): paging on would return the same
 *   page forever and the scan could never be complete, so that is an error;
 * - a hard cap on pages bounds the work whatever the server does (the caller's deadline bounds the time).
 */
import { ResponseValidationError, type RequestSite } from "../errors";

/** What to page and how far. */
export interface PagingOptions<T> {
  /** Page size asked for (the APIs' maximum is 200). */
  limit: number;
  /** At most this many requests; the error of `tooMany` is thrown when more would be needed. */
  maxPages: number;
  /** Reads the items of the page at `offset`. */
  fetch(offset: number, limit: number): Promise<T[]>;
  /** Identity of an item, for de-duplication. */
  key(item: T): string;
  /** Receives each distinct item once, in the order served. */
  onItem(item: T): void;
  /** The request being paged, for the error when the server ignores `offset`. */
  site: RequestSite;
  tooMany(pages: number, items: number): Error;
}

/** What a scan cost and found. */
export interface PagingStats {
  pages: number;
  /** Distinct items served. */
  items: number;
}

/** Reads every page until an empty one; see the module comment for the rules. */
export async function pageThrough<T>(o: PagingOptions<T>): Promise<PagingStats> {
  const seen = new Set<string>();
  let offset = 0;
  let pages = 0;
  let stale = 0;
  for (;;) {
    if (pages >= o.maxPages) throw o.tooMany(pages, seen.size);
    const items = await o.fetch(offset, o.limit);
    pages++;
    if (items.length === 0) break;
    let fresh = 0;
    for (const item of items) {
      const k = o.key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      fresh++;
      o.onItem(item);
    }
    stale = fresh === 0 ? stale + 1 : 0;
    if (stale === 2) throw offsetIgnored(o, offset, seen.size);
    offset += items.length;
  }
  return { pages, items: seen.size };
}

/** Failing closed: a list that cannot be read to its end may hide the run that matters. */
function offsetIgnored<T>(o: PagingOptions<T>, offset: number, read: number): ResponseValidationError {
  return new ResponseValidationError(
    o.site,
    [{ pointer: "", expected: `a new page at offset ${offset}` }],
    `the page at offset ${offset} repeats items already read (the server seems to ignore offset), so the list cannot be read` +
      ` to its end and what it holds past ${read} items is unknown; check that nothing between here and the service drops the query string`,
  );
}
