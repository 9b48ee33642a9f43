import { WholeNumber } from '../validation/rules';

/** `?page=2&pageSize=50`: lists are paged, 25 rows by default, 100 at most. */
export class PageQuery {
  /** Page number, starting at 1. */
  @WholeNumber(1, 100_000, { optional: true })
  page?: number = 1;

  /** Rows per page (1–100). */
  @WholeNumber(1, 100, { optional: true })
  pageSize?: number = 25;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(query: PageQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}
