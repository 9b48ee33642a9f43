import Holidays from 'date-holidays';
import { IsoDate } from './iso-date';

/**
 * Statewide public holidays of Thuringia as 'date → German name'. Only type 'public' counts:
 * date-holidays also lists observances (Gründonnerstag, Buß- und Bettag …) on which businesses
 * and schools work, and Fronleichnam, which is public only in parts of Eichsfeld,
 * Unstrut-Hainich-Kreis and Wartburgkreis (regions below 'TH' in the library).
 */
export function publicHolidaysOfThuringia(fromYear: number, toYear: number): Map<IsoDate, string> {
  for (const [label, year] of [['fromYear', fromYear], ['toYear', toYear]] as const) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`${label} must be a four-digit year, got ${year}`);
    }
  }
  if (fromYear > toYear) {
    throw new RangeError(`fromYear ${fromYear} is after toYear ${toYear}`);
  }
  const holidays = new Map<IsoDate, string>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const [date, name] of holidaysOfYear(year)) holidays.set(date, name);
  }
  return holidays;
}

// The rules never change at run time, so a year once computed stays valid for the process.
const byYear = new Map<number, ReadonlyMap<IsoDate, string>>();
let thuringia: Holidays | undefined;

function holidaysOfYear(year: number): ReadonlyMap<IsoDate, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    thuringia ??= new Holidays('DE', 'TH');
    const computed = new Map<IsoDate, string>();
    for (const holiday of thuringia.getHolidays(year, 'de')) {
      if (holiday.type !== 'public') continue;
      // `date` is the local date in the country's zone ('2027-10-31 00:00:00'); `start` is a
      // Date and would need the zone again to get back to the calendar day.
      const date = holiday.date.slice(0, 10);
      const sameDay = computed.get(date);
      computed.set(date, sameDay ? `${sameDay} / ${holiday.name}` : holiday.name);
    }
    holidays = computed;
    byYear.set(year, holidays);
  }
  return holidays;
}
