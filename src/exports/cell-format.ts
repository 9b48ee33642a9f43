import type { Locale } from '../common/errors/error-messages';
import { formatDate } from '../common/time/berlin';
import { CellKind, neutralise } from './attendee-list';

// Formatters are costly to build: one each, reused for every cell of a long list.
const DATE_TIME = {
  de: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};
const TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
// "08.05.2027 08:30": the form German spreadsheets read as a date and time (no comma between)
const dateTime = (instant: Date, locale: Locale) => DATE_TIME[locale].format(instant).replace(', ', ' ');

/** A booking's status as people read it in a list. */
export const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  de: { pending: 'vorgemerkt', confirmed: 'bestätigt', waitlisted: 'Warteliste', cancelled: 'storniert', rejected: 'abgelehnt' },
  en: { pending: 'reserved', confirmed: 'confirmed', waitlisted: 'waiting list', cancelled: 'cancelled', rejected: 'declined' },
};
const time = (instant: Date) => TIME.format(instant);

/** A cell as text for CSV and HTML: German dates (04.05.2027), Berlin times, formulas defused. */
export function cellText(value: unknown, kind: CellKind = 'text', locale: Locale = 'de'): string {
  if (value === null || value === undefined) return '';
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (kind === 'datetime' && (value instanceof Date || typeof value === 'string')) return dateTime(new Date(value), locale);
  if (kind === 'time' && (value instanceof Date || typeof value === 'string')) return time(new Date(value));
  if (kind === 'status') return STATUS_WORDS[locale][String(value)] ?? neutralise(String(value));
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? (locale === 'de' ? 'ja' : 'yes') : locale === 'de' ? 'nein' : 'no';
  return neutralise(String(value));
}
