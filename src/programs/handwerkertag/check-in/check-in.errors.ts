import { defineThings } from '../../../common/errors/error-catalog';
import { defineErrors } from '../../../common/errors/error-messages';
import { formatDateTime } from '../../../common/time/berlin';

const at = (value: string | number, locale: 'de' | 'en') => formatDateTime(String(value), locale);
const STATUS: Record<string, { de: string; en: string }> = {
  pending: { de: 'noch nicht bestätigt', en: 'not confirmed yet' },
  waitlisted: { de: 'auf der Warteliste', en: 'on the waiting list' },
  cancelled: { de: 'storniert', en: 'cancelled' },
  rejected: { de: 'abgelehnt', en: 'rejected' },
};

/** Refusals at the Handwerkertag entrance: read on a phone at the door, so short and with what to do. */
export const checkInErrors = defineErrors({
  already_checked_in: {
    status: 409,
    de: (p) => `Diese Klasse ist schon eingelassen: am ${at(p.at, 'de')} Uhr von ${p.by}.`,
    en: (p) => `This class has already been checked in: on ${at(p.at, 'en')} by ${p.by}.`,
  },
  class_visit_not_confirmed: {
    status: 409,
    de: (p) => `Der Klassenbesuch ist ${STATUS[p.status]?.de ?? p.status} und kann nicht eingelassen werden. Bitte wenden Sie sich an das Regionalmanagement.`,
    en: (p) => `The class visit is ${STATUS[p.status]?.en ?? p.status} and cannot be checked in. Please contact the regional management.`,
  },
});

export const checkInThings = defineThings({
  check_in_code: { de: 'Der Einlass-Code', en: 'The check-in code' },
  check_in: { de: 'Der Einlass dieser Klasse', en: 'The check-in of this class' },
  door_login: { de: 'Der Einlass-Zugang', en: 'The entrance login' },
});
