import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';
import { EVENT_STATUS_NAMES } from './event-status';

const statusName = (status: unknown, locale: 'de' | 'en') => EVENT_STATUS_NAMES[status as keyof typeof EVENT_STATUS_NAMES]?.[locale] ?? String(status);

export const eventErrors = defineErrors({
  event_status_change_not_allowed: {
    status: 409,
    de: (p) => `Eine Veranstaltung im Status „${statusName(p.from, 'de')}“ kann nicht auf „${statusName(p.to, 'de')}“ gesetzt werden.`,
    en: (p) => `An event in status "${statusName(p.from, 'en')}" cannot be set to "${statusName(p.to, 'en')}".`,
  },
  wrong_program: {
    status: 409,
    de: (p) => `Das gibt es nur bei Veranstaltungen des Programms „${p.program}“.`,
    en: (p) => `This only exists for events of the program "${p.program}".`,
  },
  not_host_school: {
    status: 403,
    de: 'Das kann nur die gastgebende Schule oder das Regionalmanagement.',
    en: 'Only the host school or the organisers can do this.',
  },
  period_number_taken: {
    status: 409,
    de: (p) => `Die ${p.number}. Stunde gibt es schon.`,
    en: (p) => `Period ${p.number} already exists.`,
  },
  room_name_taken: {
    status: 409,
    de: 'Einen Raum mit diesem Namen gibt es schon.',
    en: 'A room with this name already exists.',
  },
  class_already_participates: {
    status: 409,
    de: 'Diese Klasse nimmt schon teil.',
    en: 'This class already takes part.',
  },
});

/** What a 404 of this feature can be about. */
export const eventThings = defineThings({
  event: { de: 'Die Veranstaltung', en: 'The event' },
  time_slot: { de: 'Das Zeitfenster', en: 'The time slot' },
  practicum_offer: { de: 'Das Praktikumsangebot', en: 'The practicum offer' },
  period: { de: 'Die Stunde', en: 'The period' },
  event_class: { de: 'Die Klasse', en: 'The class' },
  room: { de: 'Der Raum', en: 'The room' },
});
