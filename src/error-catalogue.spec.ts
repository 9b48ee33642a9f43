import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorDefinition, isRegisteredError, isRegisteredThing, registeredErrors, thingName } from './common/errors/error-catalog';
import { render, SAMPLE_PARAMS } from './common/errors/error-messages';
import { UNIQUE_RULES } from './bookings/booking-engine';
import './error-catalogue';

/** Every .ts file under src/ except tests. */
function sources(dir = __dirname): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('error catalogue', () => {
  it.each(registeredErrors())('%s has a client or server status and texts in both languages', (code, definition) => {
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
    expect(render(errorDefinition('registration_closed').de, { at: '2027-04-30T22:00:00Z' })).toBe(
      'Die Anmeldung ist seit 01.05.2027, 00:00 Uhr geschlossen.',
    );
  });

  it('names a missing thing in the reader’s language', () => {
    expect(render(errorDefinition('not_found').de, { what: 'event' })).toBe('Die Veranstaltung wurde nicht gefunden.');
    expect(render(errorDefinition('not_found').en, { what: 'event' })).toBe('The event was not found.');
    expect(thingName('pupil', 'de')).toBe('Die Schülerin / der Schüler');
  });

  // Codes are plain strings in the code (the catalogue is assembled at start, not known to the
  // compiler), so this reads every code and thing the sources name and finds each registered.
  it('knows every error code and every thing the sources name', () => {
    const unknown: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      for (const [, code] of text.matchAll(/new DomainError\(\s*'([a-z_]+)'/g)) if (!isRegisteredError(code)) unknown.push(`${file}: error ${code}`);
      for (const [, thing] of text.matchAll(/new NotFoundError\('([a-z_]+)'\)/g)) if (!isRegisteredThing(thing)) unknown.push(`${file}: thing ${thing}`);
      for (const [, thing] of text.matchAll(/new TenantScoped\([^;]*?, '([a-z_]+)'\)/g)) if (!isRegisteredThing(thing)) unknown.push(`${file}: thing ${thing}`);
    }
    for (const code of Object.values(UNIQUE_RULES)) if (!isRegisteredError(code)) unknown.push(`unique rule: error ${code}`);
    expect(unknown).toEqual([]);
  });
});
