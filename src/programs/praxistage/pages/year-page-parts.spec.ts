import { pageAddress, returnAddress, safeNext } from './year-page-parts';

describe("pupils' pages: where a form returns", () => {
  it('returns to the pupil page it was sent from, with its filters, the message and the card', () => {
    expect(returnAddress('/tip/plaetze?feld=Metall&seite=2', 'marked', 's-1')).toBe('/tip/plaetze?feld=Metall&seite=2&ok=marked#s-1');
    expect(returnAddress('/tip/merkliste', 'unmarked')).toBe('/tip/merkliste?ok=unmarked');
    // the message of the page before is replaced, not repeated
    expect(returnAddress('/tip/plaetze?ok=marked', 'unmarked')).toBe('/tip/plaetze?ok=unmarked');
  });

  it('never leaves the pupil pages: anything else returns to the places', () => {
    for (const away of ['https://example.org/tip/plaetze', '//example.org/tip/', '/verwaltung', '/tip/plaetze#x', 'javascript:alert(1)', '', undefined, 42]) {
      expect(returnAddress(away, 'marked')).toBe('/tip/plaetze?ok=marked');
    }
    expect(safeNext('https://example.org/')).toBe('/tip/plaetze');
  });

  it('reads the page as it is, without the message of what was just done', () => {
    expect(pageAddress({ originalUrl: '/tip/plaetze?feld=Holz&ok=marked' })).toBe('/tip/plaetze?feld=Holz');
    expect(pageAddress({ originalUrl: '/tip/plaetze/abc' })).toBe('/tip/plaetze/abc');
  });
});
