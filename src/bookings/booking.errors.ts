import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import { BOOKING_STATUS_NAMES } from './booking-status';

const at = (p: Record<string, string | number>, locale: 'de' | 'en') => formatDateTime(String(p.at), locale);
const statusName = (status: unknown, locale: 'de' | 'en') => BOOKING_STATUS_NAMES[status as keyof typeof BOOKING_STATUS_NAMES]?.[locale] ?? String(status);

export const bookingErrors = defineErrors({
  event_not_open: {
    status: 409,
    de: 'Für diese Veranstaltung kann derzeit nicht gebucht werden.',
    en: 'This event is not taking bookings at the moment.',
  },
  registration_not_open_yet: {
    status: 409,
    de: (p) => `Die Anmeldung beginnt erst am ${at(p, 'de')} Uhr.`,
    en: (p) => `Registration opens on ${at(p, 'en')}.`,
  },
  registration_closed: {
    status: 409,
    de: (p) => `Die Anmeldung ist seit ${at(p, 'de')} Uhr geschlossen.`,
    en: (p) => `Registration closed on ${at(p, 'en')}.`,
  },
  cancellation_deadline_passed: {
    status: 409,
    de: (p) => `Stornieren war bis ${at(p, 'de')} Uhr möglich. Bitte wenden Sie sich an das Regionalmanagement.`,
    en: (p) => `Cancelling was possible until ${at(p, 'en')}. Please contact the regional management.`,
  },
  exceeds_capacity: {
    status: 409,
    de: (p) => `Das ist mehr, als insgesamt Platz hat (höchstens ${p.capacity}).`,
    en: (p) => `That is more than there is room for at all (at most ${p.capacity}).`,
  },
  invalid_transition: {
    status: 409,
    de: (p) => `Die Buchung ist schon „${statusName(p.status, 'de')}“ und kann so nicht mehr geändert werden.`,
    en: (p) => `The booking is already "${statusName(p.status, 'en')}" and cannot be changed like this.`,
  },
  capacity_below_booked: {
    status: 409,
    de: (p) => `Es sind schon ${p.booked} Plätze vergeben; die Kapazität kann nicht darunter sinken.`,
    en: (p) => `${p.booked} places are already taken; the capacity cannot go below that.`,
  },
  stand_already_applied: {
    status: 409,
    de: 'Ihr Unternehmen hat sich für diese Messe schon um einen Stand beworben.',
    en: 'Your company has already applied for a stand at this fair.',
  },
  stand_number_taken: {
    status: 409,
    de: (p) => `Die Standnummer ${p.standNumber} ist schon vergeben.`,
    en: (p) => `Stand number ${p.standNumber} is already taken.`,
  },
  class_already_visits: {
    status: 409,
    de: 'Diese Klasse ist für diese Messe schon angemeldet. Jede Klasse besucht die Messe einmal.',
    en: 'This class is already booked for this fair. Each class visits once.',
  },
  already_registered_for_day: {
    status: 409,
    de: 'Ihr Unternehmen ist für diesen Tag schon angemeldet.',
    en: 'Your company is already registered for this day.',
  },
  not_registered_for_day: {
    status: 409,
    de: 'Das Unternehmen ist für diesen Tag (noch) nicht bestätigt angemeldet.',
    en: 'The company is not (yet) confirmed for this day.',
  },
  class_period_taken: {
    status: 409,
    de: 'Diese Klasse hat in dieser Stunde schon ein Unternehmen zu Gast. Bitte wählen Sie eine freie Stunde.',
    en: 'This class already hosts a company in this period. Please choose a free one.',
  },
  team_busy: {
    status: 409,
    de: 'Dieses Team des Unternehmens ist in dieser Stunde schon in einer anderen Klasse.',
    en: 'This team of the company is already in another class during this period.',
  },
  room_busy: {
    status: 409,
    de: 'Dieser Raum ist in dieser Stunde schon belegt.',
    en: 'This room is already in use during this period.',
  },
  pupil_already_placed: {
    status: 409,
    de: 'Diese Schülerin / dieser Schüler hat an diesem Wochentag schon einen Praxistag-Platz.',
    en: 'This pupil already has a practice-day place on this weekday.',
  },
  pupil_already_placed_in_phase: {
    status: 409,
    de: 'Für diese Phase steht der Praxisplatz schon fest. Pro Phase gibt es genau einen.',
    en: 'The place for this phase is already settled. There is exactly one per phase.',
  },
  same_company_again: {
    status: 409,
    de: 'Bei diesem Betrieb warst du schon in einer früheren Phase. In jeder Phase geht es in einen anderen Betrieb.',
    en: 'This pupil was already with this company in an earlier phase. Each phase is with a different company.',
  },
  same_field_again: {
    status: 409,
    de: 'Dieses Berufsfeld hattest du schon in einer früheren Phase. In jeder Phase lernst du ein anderes Berufsfeld kennen.',
    en: 'This pupil already had this occupational field in an earlier phase. Each phase shows a different field.',
  },
  no_place_free: {
    status: 409,
    de: 'Dort ist kein Platz mehr frei.',
    en: 'There is no free place left there.',
  },
  idempotency_key_reused: {
    status: 422,
    de: 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  idempotency_request_running: {
    status: 409,
    de: 'Dieselbe Anfrage wird gerade noch bearbeitet. Bitte einen Moment warten und erneut senden.',
    en: 'The same request is still being processed. Please wait a moment and retry.',
  },
  placement_day_not_in_series: {
    status: 400,
    de: (p) => `Der ${formatDate(String(p.date), 'de')} ist kein Praxistag dieser Platzierung.`,
    en: (p) => `${formatDate(String(p.date), 'en')} is not a practice day of this placement.`,
  },
  still_in_use: {
    status: 409,
    de: 'Das wird noch von Buchungen verwendet und kann nicht gelöscht werden.',
    en: 'This is still used by bookings and cannot be deleted.',
  },
});

/** What a 404 of this feature can be about. */
export const bookingThings = defineThings({
  booking: { de: 'Die Buchung', en: 'The booking' },
  booking_change: { de: 'Die Buchungsänderung', en: 'The booking change' },
  placement: { de: 'Die Platzierung', en: 'The placement' },
  cancelled_day: { de: 'Der abgesagte Tag', en: 'The cancelled day' },
});
