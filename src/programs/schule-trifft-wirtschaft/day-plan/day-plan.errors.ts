import { defineThings } from '../../../common/errors/error-catalog';
import { defineErrors } from '../../../common/errors/error-messages';

/** A room kind in words. */
export const ROOM_KIND_NAMES: Record<string, { de: string; en: string }> = {
  classroom: { de: 'Klassenraum', en: 'classroom' },
  workshop: { de: 'Werkstatt', en: 'workshop' },
  computer_room: { de: 'Computerraum', en: 'computer room' },
  kitchen: { de: 'Küche', en: 'kitchen' },
  hall: { de: 'Aula / Halle', en: 'hall' },
};
const kindName = (kind: string | number, locale: 'de' | 'en') => ROOM_KIND_NAMES[String(kind)]?.[locale] ?? String(kind);

type Words = (p: Record<string, string | number>) => string;

/**
 * Each rule of the day in words, naming the class, period and company a cell collides with,
 * so that the host school sees at once which cell to change. A pin that breaks one is refused
 * with it; a stale proposal names each of its cells that breaks one.
 */
const RULES: Record<string, { de: Words; en: Words }> = {
  class_period_taken: {
    de: (p) => `Klasse ${p.class} hat in der ${p.period}. Stunde schon ${p.company}.`,
    en: (p) => `Class ${p.class} already has ${p.company} in period ${p.period}.`,
  },
  company_busy: {
    de: (p) => `${p.company} ist in der ${p.period}. Stunde schon mit ${p.teams === 1 ? 'seinem Team' : `allen ${p.teams} Teams`} eingeplant (Klasse ${p.classes}).`,
    en: (p) => `${p.company} already has ${p.teams === 1 ? 'its team' : `all ${p.teams} teams`} planned in period ${p.period} (class ${p.classes}).`,
  },
  company_absent: {
    de: (p) => `${p.company} ist in der ${p.period}. Stunde nicht da.`,
    en: (p) => `${p.company} is not there in period ${p.period}.`,
  },
  meets_twice: {
    de: (p) => `Klasse ${p.class} trifft ${p.company} schon in der ${p.period}. Stunde.`,
    en: (p) => `Class ${p.class} already meets ${p.company} in period ${p.period}.`,
  },
  class_full: {
    de: (p) => `Klasse ${p.class} hat schon alle ihre ${p.sessions} Einheiten.`,
    en: (p) => `Class ${p.class} already has all its ${p.sessions} sessions.`,
  },
  room_busy: {
    de: (p) => `${p.room} ist in der ${p.period}. Stunde schon belegt: ${p.company} in Klasse ${p.class}.`,
    en: (p) => `${p.room} is already in use in period ${p.period}: ${p.company} in class ${p.class}.`,
  },
  room_unsuited: {
    de: (p) => `${p.company} braucht eine ${kindName(p.kind, 'de')}; ${p.room} ist keine.`,
    en: (p) => `${p.company} needs a ${kindName(p.kind, 'en')}; ${p.room} is not one.`,
  },
  company_not_registered: {
    de: (p) => `${p.company || 'Dieses Unternehmen'} ist für den Tag nicht (bestätigt) angemeldet.`,
    en: (p) => `${p.company || 'This company'} is not registered (confirmed) for the day.`,
  },
  class_gone: { de: () => 'Die Klasse gehört nicht mehr zum Tag.', en: () => 'The class is no longer part of the day.' },
  period_gone: { de: () => 'Die Stunde gehört nicht mehr zum Tag.', en: () => 'The period is no longer part of the day.' },
  room_gone: { de: () => 'Der Raum gehört nicht mehr zum Tag.', en: () => 'The room is no longer part of the day.' },
  booked_meanwhile: {
    de: () => 'Gerade eben wurde die Klasse, das Team oder der Raum in dieser Stunde anders gebucht.',
    en: () => 'The class, the team or the room was booked otherwise in this period a moment ago.',
  },
};
const ruleWords = (p: Record<string, string | number>, locale: 'de' | 'en') => RULES[String(p.rule)]?.[locale](p) ?? String(p.rule);

/** A cell of a proposal: its class, period and company, leaving out what is no longer part of the day. */
const cellWords = (p: Record<string, string | number>, locale: 'de' | 'en') =>
  [p.cellClass && `${locale === 'de' ? 'Klasse' : 'Class'} ${p.cellClass}`, p.cellPeriod && (locale === 'de' ? `${p.cellPeriod}. Stunde` : `period ${p.cellPeriod}`), p.cellCompany]
    .filter(Boolean)
    .join(', ');

const pinRefusal = (rule: string) => ({ status: 409, de: RULES[rule].de, en: RULES[rule].en });

/** The refusals of the day plan. */
export const dayPlanErrors = defineErrors({
  pin_class_period_taken: pinRefusal('class_period_taken'),
  pin_company_busy: pinRefusal('company_busy'),
  pin_company_absent: pinRefusal('company_absent'),
  pin_meets_twice: pinRefusal('meets_twice'),
  pin_class_full: pinRefusal('class_full'),
  pin_room_busy: pinRefusal('room_busy'),
  pin_room_unsuited: pinRefusal('room_unsuited'),
  pin_company_not_registered: pinRefusal('company_not_registered'),
  /** One cell of a stale proposal that can no longer be booked (a conflict of day_plan_proposal_stale). */
  day_plan_cell_conflict: {
    status: 409,
    de: (p) => `${cellWords(p, 'de')}: ${ruleWords(p, 'de')}`,
    en: (p) => `${cellWords(p, 'en')}: ${ruleWords(p, 'en')}`,
  },
  day_plan_proposal_stale: {
    status: 409,
    de: (p) =>
      p.conflicts
        ? `Seit diesem Vorschlag hat sich der Tag geändert; ${p.cells === 1 ? 'diese Zelle lässt' : 'diese Zellen lassen'} sich nicht mehr buchen: ${p.conflicts} Es wurde nichts gebucht. Bitte lassen Sie einen neuen Vorschlag machen – Ihre festgelegten Zellen bleiben.`
        : 'Seit diesem Vorschlag hat sich der Tag geändert (Wünsche, Anmeldungen, Räume oder Buchungen). Keine seiner Zellen ist dadurch besetzt, doch er wurde für den Tag gerechnet, wie er vorher war. Es wurde nichts gebucht. Bitte lassen Sie einen neuen Vorschlag machen – Ihre festgelegten Zellen bleiben.',
    en: (p) =>
      p.conflicts
        ? `The day has changed since this proposal; ${p.cells === 1 ? 'this cell' : 'these cells'} can no longer be booked: ${p.conflicts} Nothing was booked. Please ask for a new proposal – your pinned cells stay.`
        : 'The day has changed since this proposal (wishes, registrations, rooms or bookings). None of its cells is taken by that, but it was solved for the day as it was before. Nothing was booked. Please ask for a new proposal – your pinned cells stay.',
  },
  day_plan_proposal_replaced: {
    status: 409,
    de: 'Dieser Vorschlag ist nicht mehr der aktuelle: Er wurde ersetzt oder schon gebucht. Bitte laden Sie die Seite neu.',
    en: 'This proposal is no longer the current one: it was replaced or already booked. Please reload the page.',
  },
  day_plan_room_needed: {
    status: 400,
    de: 'Der Tag hat Räume: Bitte wählen Sie einen Raum für die Einheit.',
    en: 'The day has rooms: please choose a room for the session.',
  },
});

export const dayPlanThings = defineThings({
  day_plan_proposal: { de: 'Der Vorschlag für den Tagesplan', en: 'The day plan proposal' },
  day_plan_pin: { de: 'Die festgelegte Zelle', en: 'The pinned cell' },
  day_plan_run: { de: 'Eine Berechnung des Tagesplans', en: 'A computation of the day plan' },
});
