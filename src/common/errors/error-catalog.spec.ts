import { errorCatalog } from './error-catalog';
import { render, SAMPLE_PARAMS } from './error-messages';

describe('error catalogue', () => {
  it.each(Object.entries(errorCatalog))('%s has a client or server status and texts in both languages', (code, definition) => {
    expect(definition.status).toBeGreaterThanOrEqual(400);
    expect(definition.status).toBeLessThan(600);
    const de = render(definition.de, SAMPLE_PARAMS);
    const en = render(definition.en, SAMPLE_PARAMS);
    expect(de.length).toBeGreaterThan(10);
    expect(en.length).toBeGreaterThan(10);
    expect(de).not.toBe(en);
    expect(code).toMatch(/^[a-z_]+$/);
  });

  it('shows dates in German form', () => {
    expect(render(errorCatalog.registration_closed.de, { at: '2027-04-30T22:00:00Z' })).toBe(
      'Die Anmeldung ist seit 01.05.2027, 00:00 Uhr geschlossen.',
    );
  });
});
