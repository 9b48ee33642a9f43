import { TZDate } from '@date-fns/tz';
import type { Locale } from '../errors/error-messages';

export const ZONE = 'Europe/Berlin';

const tag = (locale: Locale) => (locale === 'de' ? 'de-DE' : 'en-GB');
// built once: constructing Intl formatters is far costlier than using them
const DATE_TIME = {
  de: new Intl.DateTimeFormat(tag('de'), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat(tag('en'), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};
const DATE = {
  de: new Intl.DateTimeFormat(tag('de'), { timeZone: 'UTC', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat(tag('en'), { timeZone: 'UTC', dateStyle: 'medium' }),
};

/** "04.05.2027, 08:30" (de) or "4 May 2027, 08:30" (en), always in Berlin time. */
export function formatDateTime(instant: Date | string, locale: Locale): string {
  return DATE_TIME[locale].format(new Date(instant));
}

/** "04.05.2027" (de) or "4 May 2027" (en) for a calendar date 'YYYY-MM-DD'. */
export function formatDate(date: string, locale: Locale): string {
  return DATE[locale].format(new Date(`${date}T00:00:00Z`));
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant from the API: ISO 8601 with an offset or Z is taken as it is; without one it
 * is wall-clock time in Berlin ("2027-05-08T08:30" is 06:30Z in summer, 07:30Z in winter).
 */
export function parseInstant(text: string): Date {
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, m, d, hh, mm, ss] = local.map(Number);
    const zoned = new TZDate(y, m - 1, d, hh, mm, ss || 0, ZONE);
    // 2027-02-30 would roll over into March: an impossible date is no date.
    if (zoned.getDate() !== d || zoned.getMonth() !== m - 1) return new Date(NaN);
    return new Date(zoned.getTime());
  }
  return new Date(text);
}

/** The calendar date in Berlin of an instant, 'YYYY-MM-DD'. */
export function berlinDate(instant: Date): string {
  const zoned = new TZDate(instant.getTime(), ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}
