import type { Request } from 'express';

/** Rows on one page of a long list in the pages. */
export const PAGE_ROWS = 25;

/** The page asked for in ?seite=, 1 when missing or nonsense. */
export function requestedPage(req: Request): number {
  const page = Number(req.query.seite);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/**
 * Links to the previous and next page that keep the list's search and filters (`keep`),
 * and "41–60 of 312" for the reader; null links where there is no such page.
 */
export function pager(page: number, total: number, keep: Record<string, string | undefined> = {}) {
  const link = (target: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(keep)) if (value) query.set(name, value);
    query.set('seite', String(target));
    return `?${query.toString()}`;
  };
  return {
    previous: page > 1 ? link(page - 1) : null,
    next: total > page * PAGE_ROWS ? link(page + 1) : null,
    from: total === 0 ? 0 : (page - 1) * PAGE_ROWS + 1,
    to: Math.min(total, page * PAGE_ROWS),
    total,
  };
}
