import type { Request } from 'express';
import { pager, requestedPage } from './paging';

describe('paging of long lists in the pages', () => {
  it('links to the neighbouring pages and keeps search and filters', () => {
    expect(pager(2, 60, { suche: 'Bäckerei', status: undefined })).toEqual({
      previous: '?suche=B%C3%A4ckerei&seite=1',
      next: '?suche=B%C3%A4ckerei&seite=3',
      from: 26,
      to: 50,
      total: 60,
    });
  });

  it('has no links beyond the first and the last page', () => {
    expect(pager(1, 25)).toMatchObject({ previous: null, next: null, from: 1, to: 25 });
    expect(pager(3, 60)).toMatchObject({ previous: '?seite=2', next: null, from: 51, to: 60 });
    expect(pager(1, 0)).toMatchObject({ from: 0, to: 0 });
  });

  it('reads ?seite= and falls back to the first page on nonsense', () => {
    const page = (seite: unknown) => requestedPage({ query: { seite } } as unknown as Request);
    expect(page('4')).toBe(4);
    expect([page(undefined), page('0'), page('-2'), page('1.5'), page('abc'), page(['2', '3'])]).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
