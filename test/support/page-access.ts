import { Role } from '../../src/common/identity/role';
import { inDays } from './factories';
import { offerBody, steckbriefBody } from './sample-bodies';
import { FormFields } from './page-visitor';

const { Organiser: O, Partner: P, CompanyMember: C, SchoolMember: S } = Role;
const MEMBERS = [O, P, C, S];

/**
 * Who may use each page, written down independently of the controllers' decorators: the
 * walk holds the app to it. `public` pages need no login; everyone else must be logged in
 * and have one of the roles. A partner reads but never changes, except its own account.
 * A new page fails the walk until it is added here. `pupil` pages are for a pupil logged in
 * with the code from the school; everyone else is sent to the code login.
 */
export const WHO_MAY: Record<string, 'public' | 'pupil' | Role[]> = {
  'GET /': 'public',
  'GET /veranstaltungen/:eventId': 'public',
  'POST /sprache': 'public',
  'GET /anmelden': 'public',
  'POST /anmelden': 'public',
  'POST /abmelden': 'public',
  'GET /registrieren': 'public',
  'GET /registrieren/:kind': 'public',
  'POST /registrieren/:kind': 'public',
  'GET /passwort-vergessen': 'public',
  'POST /passwort-vergessen': 'public',
  'GET /passwort-neu': 'public',
  'POST /passwort-neu': 'public',
  'GET /einladung': 'public',
  'POST /einladung': 'public',
  'GET /buchungen': MEMBERS,
  'GET /buchungen/:bookingId': MEMBERS,
  'GET /buchungen/:bookingId/stornieren': [O, C, S],
  'POST /buchungen/:bookingId/stornieren': [O, C, S],
  'POST /buchungen/:bookingId/tag-absagen': [O, C, S],
  'GET /kalender': MEMBERS,
  'POST /kalender/erneuern': MEMBERS,
  'GET /profil': [C, S],
  'POST /profil': [C, S],
  'POST /profil/einladen': [C, S],
  'GET /schule/klassen': [S],
  'POST /schule/klassen': [S],
  'GET /schule/schueler': [S],
  'POST /schule/schueler': [S],
  'POST /schule/schueler/:pupilId/loeschen': [S],
  'POST /veranstaltungen/:eventId/klassenbesuch': [S],
  'POST /veranstaltungen/:eventId/stand': [C],
  'POST /veranstaltungen/:eventId/angebot': [C],
  'POST /veranstaltungen/:eventId/platzierung': [S],
  'POST /veranstaltungen/:eventId/stunden': [O, S],
  'POST /veranstaltungen/:eventId/klassen': [O, S],
  'POST /veranstaltungen/:eventId/raeume': [O, S],
  'POST /veranstaltungen/:eventId/:axis/:itemId/entfernen': [O, S],
  'POST /veranstaltungen/:eventId/teilnahme': [C],
  'POST /veranstaltungen/:eventId/einheit': [O, C, S],
  'GET /angebote/:offerId': [O, C],
  'POST /angebote/:offerId': [O, C],
  'GET /verwaltung': [O, P],
  'GET /verwaltung/organisationen': [O, P],
  'POST /verwaltung/organisationen/:kind/:id/:decision': [O],
  'GET /verwaltung/veranstaltungen/neu': [O],
  'POST /verwaltung/veranstaltungen/neu': [O],
  'GET /verwaltung/veranstaltungen/:eventId': [O, P],
  'POST /verwaltung/veranstaltungen/:eventId/veroeffentlichen': [O],
  'POST /verwaltung/veranstaltungen/:eventId/zeitfenster': [O],
  'POST /verwaltung/veranstaltungen/:eventId/klassenbesuche/:bookingId/verschieben': [O],
  'GET /verwaltung/veranstaltungen/:eventId/status/:step': [O],
  'POST /verwaltung/veranstaltungen/:eventId/status/:step': [O],
  'POST /verwaltung/buchungen/:bookingId/bestaetigen': [O],
  'POST /verwaltung/buchungen/:bookingId/ablehnen': [O],
  'GET /verwaltung/postausgang': [O, P],
  'GET /verwaltung/statistik': [O, P],
  'GET /verwaltung/ferien': [O, P],
  'POST /verwaltung/ferien': [O],
  'GET /verwaltung/protokoll': [O],
  'GET /verwaltung/datenschutz': [O, P],
  'POST /verwaltung/datenschutz': [O],
  'GET /tip': 'public',
  'POST /tip': 'public',
  'POST /tip/abmelden': 'pupil',
  'GET /tip/plaetze': 'pupil',
  'GET /tip/plaetze/:steckbriefId': 'pupil',
  'POST /tip/plaetze/:steckbriefId/bewerben': 'pupil',
  'GET /tip/bewerbungen': 'pupil',
  'POST /tip/bewerbungen/:applicationId/:action': 'pupil',
  'GET /praxistage/:eventId': MEMBERS,
  'GET /verwaltung/praxistage/neu': [O],
  'POST /verwaltung/praxistage/neu': [O],
  'POST /praxistage/:eventId/phasen/:phase': [O],
  'POST /praxistage/:eventId/einstellungen': [O],
  'POST /praxistage/:eventId/teilnahme': [S],
  'POST /praxistage/:eventId/teilnehmende': [S],
  'POST /praxistage/:eventId/codes': [S],
  'GET /praxistage/:eventId/schueler/:pupilId': [S],
  'POST /praxistage/:eventId/schueler/:pupilId/bewerben': [S],
  'POST /praxistage/:eventId/schueler/:pupilId/bewerbungen/:applicationId/:action': [S],
  'POST /praxistage/:eventId/schueler/:pupilId/bleiben': [S],
  'POST /praxistage/:eventId/schueler/:pupilId/code-sperren': [S],
  'POST /praxistage/:eventId/steckbriefe': [C],
  'GET /steckbriefe/:steckbriefId': [O, P, C],
  'POST /steckbriefe/:steckbriefId': [O, C],
  'POST /steckbriefe/:steckbriefId/plaetze': [O, C],
  'POST /steckbriefe/:steckbriefId/einreichen': [C],
  'POST /steckbriefe/:steckbriefId/pruefen': [O],
  'POST /steckbriefe/:steckbriefId/kopieren': [C],
  'GET /praxistage/:eventId/bewerbungen': [C],
  'POST /praxistage/bewerbungen/:applicationId/:decision': [C],
  'POST /praxistage/:eventId/ergebnisse': [C],
};

/** The program whose event a form on an event's page is for; other event pages are walked for all three. */
export const PROGRAM_OF_FORM: Record<string, string> = {
  klassenbesuch: 'handwerkertag', stand: 'handwerkertag', zeitfenster: 'handwerkertag', verschieben: 'handwerkertag',
  angebot: 'praxistage', platzierung: 'praxistage',
  stunden: 'schule-trifft-wirtschaft', klassen: 'schule-trifft-wirtschaft', raeume: 'schule-trifft-wirtschaft',
  entfernen: 'schule-trifft-wirtschaft', teilnahme: 'schule-trifft-wirtschaft', einheit: 'schule-trifft-wirtschaft',
};

/** Path words that are no ids, with every value a page takes. */
export const PATH_WORDS: Record<string, Record<string, string[]>> = {
  '/registrieren/:kind': { kind: ['unternehmen', 'schule'] },
  '/verwaltung/organisationen/:kind/:id/:decision': { kind: ['company', 'school'], decision: ['freischalten', 'ablehnen'] },
  '/veranstaltungen/:eventId/:axis/:itemId/entfernen': { axis: ['stunden', 'klassen', 'raeume'] },
  '/verwaltung/veranstaltungen/:eventId/status/:step': { step: ['schliessen', 'absagen'] },
  '/tip/bewerbungen/:applicationId/:action': { action: ['annehmen', 'ablehnen', 'zurueckziehen'] },
  '/praxistage/:eventId/phasen/:phase': { phase: ['1'] },
  '/praxistage/:eventId/schueler/:pupilId/bewerbungen/:applicationId/:action': { action: ['annehmen', 'ablehnen', 'zurueckziehen'] },
  '/praxistage/bewerbungen/:applicationId/:decision': { decision: ['einladen', 'absagen', 'anbieten'] },
};

/** Pages of the Praxistage year: their event is the year (a draft year is the foreign one). */
export const YEAR_PAGES = /^\/(praxistage|tip)\//;

/**
 * A filled-in form for each page form a member may be refused, with the caller's own ids,
 * so a refusal comes from whose data it is and never from a wrong entry.
 */
export function sampleForm(route: string, ids: Record<string, string>): FormFields {
  const samples: Record<string, FormFields> = {
    'POST /buchungen/:bookingId/stornieren': { reason: 'Test' },
    'POST /buchungen/:bookingId/tag-absagen': { date: '2027-03-08', reason: 'krank' },
    'POST /kalender/erneuern': {},
    'POST /profil': { town: 'Geleakt' },
    'POST /profil/einladen': { email: 'kollegin@example.org' },
    'POST /schule/klassen': { name: '9z', grade: '9', pupilCount: '20', classTeacher: 'Frau Leck' },
    'POST /schule/schueler': { firstName: 'X', lastName: 'Y', classId: ids.classId, consentRecordedOn: '2026-09-01' },
    'POST /schule/schueler/:pupilId/loeschen': {},
    'POST /veranstaltungen/:eventId/klassenbesuch': { timeSlotId: ids.slotId, schoolClassId: ids.classId, pupils: '10', teachers: '1' },
    'POST /veranstaltungen/:eventId/stand': {
      standSize: '3 x 3 m', location: 'indoor', powerNeeded: 'true', handsOnActivity: 'Hocker bauen', apprenticeships: 'Tischler/in', internships: '', staffCount: '2',
    },
    'POST /veranstaltungen/:eventId/angebot': Object.fromEntries(Object.entries(offerBody()).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)])),
    'POST /veranstaltungen/:eventId/platzierung': { offerWeekday: `${ids.offerId}:1`, pupilId: ids.pupilId },
    'POST /veranstaltungen/:eventId/stunden': { number: '9', startsAt: '2027-03-10T14:00', endsAt: '2027-03-10T14:45' },
    'POST /veranstaltungen/:eventId/klassen': { schoolClassId: ids.classId },
    'POST /veranstaltungen/:eventId/raeume': { name: 'Leck-Raum' },
    'POST /veranstaltungen/:eventId/:axis/:itemId/entfernen': {},
    'POST /veranstaltungen/:eventId/teilnahme': {},
    'POST /veranstaltungen/:eventId/einheit': { eventClassId: ids.eventClassId, periodId: ids.periodId, companyId: ids.companyId },
    'POST /angebote/:offerId': { mentor: 'Geleakt' },
    'POST /verwaltung/organisationen/:kind/:id/:decision': {},
    'POST /verwaltung/veranstaltungen/neu': {
      program: 'handwerkertag', title: 'Geleakt', venue: 'Nordhausen', startsOn: '2027-05-08', endsOn: '2027-05-08', standCount: '40',
      registrationOpensAt: inDays(-1).slice(0, 16), registrationClosesAt: inDays(30).slice(0, 16), cancellationDeadline: inDays(20).slice(0, 16),
    },
    'POST /verwaltung/veranstaltungen/:eventId/veroeffentlichen': {},
    'POST /verwaltung/veranstaltungen/:eventId/zeitfenster': { startsAt: '2027-05-08T12:00', endsAt: '2027-05-08T13:00', capacity: '5' },
    'POST /verwaltung/veranstaltungen/:eventId/klassenbesuche/:bookingId/verschieben': { timeSlotId: ids.slotId },
    'POST /verwaltung/veranstaltungen/:eventId/status/:step': { reason: 'Geleakt' },
    'POST /verwaltung/buchungen/:bookingId/bestaetigen': {},
    'POST /verwaltung/buchungen/:bookingId/ablehnen': {},
    'POST /verwaltung/ferien': { schoolYear: '2026/27', name: 'Winterferien', firstDay: '2027-02-01', lastDay: '2027-02-06' },
    'POST /verwaltung/datenschutz': {},
    'POST /tip/abmelden': {},
    'POST /verwaltung/praxistage/neu': { title: 'Geleakt', firstPhaseYear: '2027' },
    'POST /tip/plaetze/:steckbriefId/bewerben': { message: 'Geleakt' },
    'POST /tip/bewerbungen/:applicationId/:action': {},
    'POST /praxistage/:eventId/phasen/:phase': { lastDay: '2027-05-20' },
    'POST /praxistage/:eventId/einstellungen': { applicationsPerPhase: '5' },
    'POST /praxistage/:eventId/teilnahme': { weekday: '3' },
    'POST /praxistage/:eventId/teilnehmende': { classId: ids.classId },
    'POST /praxistage/:eventId/codes': { classId: ids.classId },
    'POST /praxistage/:eventId/schueler/:pupilId/bewerben': { offerId: ids.steckbriefId, message: 'Geleakt' },
    'POST /praxistage/:eventId/schueler/:pupilId/bewerbungen/:applicationId/:action': {},
    'POST /praxistage/:eventId/schueler/:pupilId/bleiben': { mayStay: 'true' },
    'POST /praxistage/:eventId/schueler/:pupilId/code-sperren': {},
    'POST /praxistage/:eventId/steckbriefe': Object.fromEntries(Object.entries(steckbriefBody()).filter(([name]) => name !== 'places').map(([name, value]) => [name, String(value)])),
    'POST /steckbriefe/:steckbriefId': { mentor: 'Geleakt' },
    'POST /steckbriefe/:steckbriefId/plaetze': { places_1_2: '9' },
    'POST /steckbriefe/:steckbriefId/einreichen': {},
    'POST /steckbriefe/:steckbriefId/pruefen': { decision: 'return', note: 'Geleakt' },
    'POST /steckbriefe/:steckbriefId/kopieren': { eventId: ids.eventId },
    'POST /praxistage/bewerbungen/:applicationId/:decision': { at: '2027-03-01T10:00', place: 'Werkstatt', reason: 'Geleakt' },
    'POST /praxistage/:eventId/ergebnisse': { bookingId: ids.bookingId, kind: 'internship' },
  };
  if (!(route in samples)) throw new Error(`add a filled-in form for ${route} to test/support/page-access.ts`);
  return samples[route];
}
