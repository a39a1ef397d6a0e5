/**
 * Offset paging shared by the two list APIs. The APIs document `limit` and `offset` but no sort order
 * and (for executions) no total, so the pager assumes as little as possible:
 * - it stops at an empty page, at a page shorter than the page size, or once `total` items were read;
 * - items are de-duplicated by key, since runs starting during the scan can shift items across a page
 *   boundary (the same item then appears twice, which is harmless);
 * - a non-empty page made only of items already seen means the server ignores `offset`: paging on would
 *   return the same page forever, so that is an error instead;
 * - a hard cap on pages bounds the work whatever the server does.
 */
import { ResponseValidationError, type RequestSite } from "../errors";

/** One page as the pager needs it. */
export interface Page<T> {
  items: T[];
  /** `total` of the body, when the API sends it. */
  total?: number;
  /** `size` of the body, when the API sends it (page size or item count: either is safe, see below). */
  size?: number;
}

/** What to page and how far. */
export interface PagingOptions<T> {
  /** Page size asked for (the APIs' maximum is 200). */
  limit: number;
  /** At most this many requests; the error of `tooMany` is thrown when more would be needed. */
  maxPages: number;
  /** Reads the page at `offset`. */
  fetch(offset: number, limit: number): Promise<Page<T>>;
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

/** Reads every page; see the module comment for the stop rules. */
export async function pageThrough<T>(o: PagingOptions<T>): Promise<PagingStats> {
  const seen = new Set<string>();
  let offset = 0;
  let pages = 0;
  for (;;) {
    if (pages >= o.maxPages) throw o.tooMany(pages, seen.size);
    const page = await o.fetch(offset, o.limit);
    pages++;
    const served = page.items.length;
    let fresh = 0;
    for (const item of page.items) {
      const k = o.key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      fresh++;
      o.onItem(item);
    }
    if (served > 0 && fresh === 0) {
      throw new ResponseValidationError(
        o.site,
        [{ pointer: "", expected: `a new page at offset ${offset}` }],
        `the page at offset ${offset} repeats items already read (the server seems to ignore offset), so the list cannot be paged` +
          ` past ${seen.size} items; narrow the window (since/until) or filter by status so it fits one page of ${o.limit}`,
      );
    }
    offset += served;
    // A `size` smaller than the limit is either the server's own page size or this page's item count;
    // taking it as the page size can only cost one more request, never skip items.
    const pageSize = page.size !== undefined && page.size > 0 ? Math.min(o.limit, page.size) : o.limit;
    if (served === 0 || served < pageSize) break;
    if (page.total !== undefined && offset >= page.total) break;
  }
  return { pages, items: seen.size };
}
