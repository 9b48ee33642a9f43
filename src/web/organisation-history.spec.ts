import { registerTexts } from './i18n/texts';
import { ORGANISATION_PAGE_TEXTS } from './i18n/organisation-texts';
import { historyLine } from './organisation-history';

registerTexts(ORGANISATION_PAGE_TEXTS);
const at = new Date('2027-03-01T09:00:00Z');

describe('an organisation history line', () => {
  it('names the changed fields of a profile in the reader’s words', () => {
    const line = historyLine({ occurredAt: at, actorName: 'Rita Regional', action: 'updated', changes: { town: { from: 'A', to: 'B' }, apprenticeships: { from: [], to: ['x'] } } }, 'de');
    expect(line).toEqual({ at, who: 'Rita Regional', what: 'Profil geändert', concerning: 'Ort, Ausbildungsberufe', reason: '' });
    expect(historyLine({ occurredAt: at, actorName: null, action: 'updated', changes: { town: {} } }, 'en')).toMatchObject({ who: 'Praxisnah (automatic)', what: 'profile changed', concerning: 'Town' });
  });

  it('names the member and the reason of a deactivation', () => {
    const line = historyLine({ occurredAt: at, actorName: 'Rita', action: 'member_deactivated', changes: { member: { id: 'u', name: 'Anna Beispiel' }, reason: 'hat gekündigt' } }, 'de');
    expect(line).toMatchObject({ what: 'Mitglied deaktiviert', concerning: 'Anna Beispiel', reason: 'hat gekündigt' });
  });

  it('reads a school’s Praxistage change as such, not as a profile change', () => {
    expect(historyLine({ occurredAt: at, actorName: 'Lehrerin', action: 'updated', changes: { praxistageYear: 'e', weekday: 3 } }, 'de')).toMatchObject({
      what: 'Teilnahme an den Praxistagen geändert', concerning: '',
    });
  });
});
